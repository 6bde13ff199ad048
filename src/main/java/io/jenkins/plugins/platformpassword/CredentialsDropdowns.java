package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.User;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The credentials dropdowns and their checks, as the Credentials plugin's consumer guide
 * describes them: credentials are listed as the job will run (its authentication) and with the
 * data center's domain requirements, the same ones the build looks them up with, and the current
 * value stays selectable even if its credential is gone, so that a form round trip never silently
 * picks another one. Callers check permissions first ({@link FormPermissions}).
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

    static ListBoxModel apiClients(Item item, String current, List<DomainRequirement> domain) {
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(
                        authentication(item), item, StandardUsernamePasswordCredentials.class, domain, USABLE_IN_BUILDS)
                .includeCurrentValue(current);
    }

    /** Leaves out the API client's own credential: it must never become a user's password (or be rotated). */
    static ListBoxModel newPasswords(
            Item item, String current, List<DomainRequirement> domain, String apiClientCredentialId) {
        CredentialsMatcher candidates = apiClientCredentialId == null
                ? USABLE_IN_BUILDS
                : CredentialsMatchers.allOf(
                        USABLE_IN_BUILDS,
                        CredentialsMatchers.not(CredentialsMatchers.withId(apiClientCredentialId.trim())));
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(authentication(item), item, StringCredentials.class, domain, candidates)
                .includeMatchingAs(
                        authentication(item), item, StandardUsernamePasswordCredentials.class, domain, candidates)
                .includeCurrentValue(current);
    }

    static FormValidation checkApiClient(Item item, String id, List<DomainRequirement> domain) {
        if (Util.fixEmptyAndTrim(id) == null) {
            return FormValidation.error(Messages.CredentialsDropdowns_Required());
        }
        if (isExpression(id)) {
            return FormValidation.ok(Messages.FormChecks_Expression());
        }
        return findApiClient(item, id, domain) != null
                ? unambiguous(item, id, domain, SameIdCredentials.API_CLIENT_KINDS)
                : notUsable(item, id, domain, Messages.Credentials_ApiClientTypes());
    }

    static FormValidation checkNewPassword(
            Item item, String id, List<DomainRequirement> domain, String apiClientCredentialId) {
        if (Util.fixEmptyAndTrim(id) == null) {
            return FormValidation.error(Messages.CredentialsDropdowns_Required());
        }
        if (isExpression(id)) {
            return FormValidation.ok(Messages.FormChecks_Expression());
        }
        if (id.trim().equals(Util.fixEmptyAndTrim(apiClientCredentialId))) {
            return FormValidation.error(Messages.Run_SameCredential(LogText.value(id.trim())));
        }
        boolean found = find(item, id, StringCredentials.class, domain) != null
                || find(item, id, StandardUsernamePasswordCredentials.class, domain) != null;
        return found
                ? unambiguous(item, id, domain, SameIdCredentials.PASSWORD_KINDS)
                : notUsable(item, id, domain, Messages.Credentials_PasswordTypes());
    }

    /**
     * Warns of what the build refuses ({@link SameIdCredentials}). Only with a data center: without
     * one, every domain admits the form's lookup, and one credential per data center's domain
     * would look like two.
     */
    private static FormValidation unambiguous(
            Item item, String id, List<DomainRequirement> domain, List<Class<? extends StandardCredentials>> kinds) {
        if (domain.isEmpty()) {
            return FormValidation.ok();
        }
        String ambiguity =
                SameIdCredentials.inForm(item, id.trim(), domain, kinds).formAmbiguity();
        return ambiguity == null ? FormValidation.ok() : FormValidation.warning(ambiguity);
    }

    /** The API client credential with this id as the job would see it, for this data center, or null. */
    static StandardUsernamePasswordCredentials findApiClient(Item item, String id, List<DomainRequirement> domain) {
        return find(item, id, StandardUsernamePasswordCredentials.class, domain);
    }

    /** A credentials parameter such as {@code ${API_CLIENT}}: resolved only when the build runs. */
    private static boolean isExpression(String id) {
        String trimmed = id.trim();
        return trimmed.startsWith("${") && trimmed.endsWith("}");
    }

    private static FormValidation notUsable(Item item, String id, List<DomainRequirement> domain, String expected) {
        StandardCredentials other = find(item, id, StandardCredentials.class, domain);
        if (other != null) {
            return FormValidation.error(Messages.CredentialsDropdowns_WrongType(
                    LogText.value(id), other.getDescriptor().getDisplayName(), expected));
        }
        return find(item, id, StandardCredentials.class, List.of()) != null
                ? FormValidation.error(
                        Messages.CredentialsDropdowns_OtherDomain(LogText.value(id), DataCenterDomain.hostOf(domain)))
                : FormValidation.error(Messages.CredentialsDropdowns_NotFound(LogText.value(id), expected));
    }

    /**
     * The API client credential that "Test connection" may send to the URL in the form, or null.
     * The job's own identity can be a user (Authorize Project's "run as a specific user"), and
     * looked up as that user a credential may be the user's personal one. The build may send it,
     * since it goes only where the job's configuration says; the form would send it wherever the
     * requester types. So the form uses another user's identity only for the job's folder and
     * Jenkins credentials, never for that user's personal ones.
     */
    static StandardUsernamePasswordCredentials findApiClientToSend(
            Item item, String id, List<DomainRequirement> domain) {
        return otherRunAsUser(item) == null
                ? findApiClient(item, id, domain)
                : inItemStores(item, id, StandardUsernamePasswordCredentials.class, domain, authentication(item));
    }

    /** The name of the identity the job runs as, when it is a user other than the requester; null otherwise. */
    static String otherRunAsUser(Item item) {
        Authentication runAs = authentication(item);
        return item == null || ACL.SYSTEM2.equals(runAs) || isRequester(runAs) ? null : runAs.getName();
    }

    private static boolean isRequester(Authentication runAs) {
        return User.idStrategy()
                .equals(runAs.getName(), Jenkins.getAuthentication2().getName());
    }

    /**
     * As the build finds a credential ({@code CredentialsProvider.findCredentialById}): as the
     * job's identity, and when that is a user who may use the item's credentials, also in the
     * job's folder and Jenkins stores, which answer only to SYSTEM.
     */
    private static <C extends StandardCredentials> C find(
            Item item, String id, Class<C> type, List<DomainRequirement> domain) {
        if (item == null) {
            return withId(
                    CredentialsProvider.lookupCredentialsInItemGroup(type, Jenkins.get(), ACL.SYSTEM2, domain), id);
        }
        Authentication runAs = authentication(item);
        C found = withId(CredentialsProvider.lookupCredentialsInItem(type, item, runAs, domain), id);
        return found != null || ACL.SYSTEM2.equals(runAs) ? found : inItemStores(item, id, type, domain, runAs);
    }

    /** The job's folder and Jenkins credentials, when {@code runAs} may use them. */
    private static <C extends StandardCredentials> C inItemStores(
            Item item, String id, Class<C> type, List<DomainRequirement> domain, Authentication runAs) {
        return item.hasPermission2(runAs, CredentialsProvider.USE_ITEM)
                ? withId(CredentialsProvider.lookupCredentialsInItem(type, item, ACL.SYSTEM2, domain), id)
                : null;
    }

    private static <C extends StandardCredentials> C withId(List<C> candidates, String id) {
        return CredentialsMatchers.firstOrNull(
                candidates, CredentialsMatchers.allOf(CredentialsMatchers.withId(id.trim()), USABLE_IN_BUILDS));
    }

    /** As the job will run: its own authentication for a queued task, the system otherwise (the global configuration). */
    private static Authentication authentication(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}
