package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The credentials dropdowns and their checks, as the Credentials plugin's consumer guide
 * describes them: credentials are listed as the job will run (its authentication), and the
 * current value stays selectable even if its credential is gone, so that a form round trip never
 * silently picks another one. Callers check permissions first ({@link FormPermissions}).
 */
final class CredentialsDropdowns {

    /**
     * System-scoped credentials are visible to Jenkins itself but never to builds
     * ({@code findCredentialById} leaves them out), so offering one would pass every form check
     * and then fail every build.
     */
    private static final CredentialsMatcher USABLE_IN_BUILDS =
            CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM));

    private CredentialsDropdowns() {}

    static ListBoxModel currentValueOnly(String current) {
        return new StandardListBoxModel().includeCurrentValue(current);
    }

    static ListBoxModel apiClients(Item item, String current, String baseUrl) {
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(
                        authentication(item),
                        item,
                        StandardUsernamePasswordCredentials.class,
                        requirements(baseUrl),
                        USABLE_IN_BUILDS)
                .includeCurrentValue(current);
    }

    static ListBoxModel newPasswords(Item item, String current) {
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(authentication(item), item, StringCredentials.class, List.of(), USABLE_IN_BUILDS)
                .includeMatchingAs(
                        authentication(item),
                        item,
                        StandardUsernamePasswordCredentials.class,
                        List.of(),
                        USABLE_IN_BUILDS)
                .includeCurrentValue(current);
    }

    static FormValidation checkApiClient(Item item, String id) {
        if (Util.fixEmptyAndTrim(id) == null) {
            return FormValidation.error(Messages.CredentialsDropdowns_Required());
        }
        return findApiClient(item, id) != null
                ? FormValidation.ok()
                : notUsable(item, id, Messages.Credentials_ApiClientTypes());
    }

    static FormValidation checkNewPassword(Item item, String id) {
        if (Util.fixEmptyAndTrim(id) == null) {
            return FormValidation.error(Messages.CredentialsDropdowns_Required());
        }
        boolean found = find(item, id, StringCredentials.class) != null
                || find(item, id, StandardUsernamePasswordCredentials.class) != null;
        return found ? FormValidation.ok() : notUsable(item, id, Messages.Credentials_PasswordTypes());
    }

    /** The API client credential with this id as the job would see it, or null. */
    static StandardUsernamePasswordCredentials findApiClient(Item item, String id) {
        return find(item, id, StandardUsernamePasswordCredentials.class);
    }

    private static FormValidation notUsable(Item item, String id, String expected) {
        StandardCredentials other = find(item, id, StandardCredentials.class);
        return other == null
                ? FormValidation.error(Messages.CredentialsDropdowns_NotFound(id, expected))
                : FormValidation.error(Messages.CredentialsDropdowns_WrongType(
                        id, other.getDescriptor().getDisplayName(), expected));
    }

    private static <C extends StandardCredentials> C find(Item item, String id, Class<C> type) {
        List<C> candidates = item == null
                ? CredentialsProvider.lookupCredentialsInItemGroup(type, Jenkins.get(), ACL.SYSTEM2, List.of())
                : CredentialsProvider.lookupCredentialsInItem(type, item, authentication(item), List.of());
        return CredentialsMatchers.firstOrNull(
                candidates, CredentialsMatchers.allOf(CredentialsMatchers.withId(id.trim()), USABLE_IN_BUILDS));
    }

    /** As the job will run: its own authentication for a queued task, the system otherwise (the global configuration). */
    private static Authentication authentication(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    private static List<DomainRequirement> requirements(String baseUrl) {
        return URIRequirementBuilder.fromUri(Util.fixEmptyAndTrim(baseUrl)).build();
    }
}
