package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.DomainRestrictedCredentials;
import hudson.model.Item;
import hudson.model.ModelObject;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials under one id that the job's folders and Jenkins hold, in the domains that admit
 * the data center. A lookup by id takes the first it finds: the nearest store, and within a store
 * its first domain, the global one. So a second credential under the id, planted by someone who
 * may only add credentials (a host-restricted password shadowed from the store's global domain,
 * or a parent folder's from a nearer folder), would choose what the step sends: which API client
 * signs in, and above all which password the user gets and the planter knows. The step therefore
 * uses an id only while it names one credential.
 *
 * <p>Read store by store as SYSTEM (listing a store needs Credentials/View, which the build need
 * not hold): the job's folders, nearest first, then Jenkins. Personal stores are not among them:
 * only their owner writes to those, and a personal credential is the build identity's own choice.
 * Nor are credentials of providers without a store, which only administrators configure.
 * System-scoped credentials of the Jenkins store are left out, as builds never see them; a folder
 * store hands out every credential it holds, whatever its scope, so there they count. Two domains
 * of one store that admit different data centers may still hold the same id, one for each.
 */
final class SameIdCredentials {

    /** What the API client's lookup accepts: a twin of another kind cannot shadow it. */
    static final List<Class<? extends StandardCredentials>> API_CLIENT_KINDS =
            List.of(StandardUsernamePasswordCredentials.class);

    /** What the new password's and the rotation target's lookups accept. */
    static final List<Class<? extends StandardCredentials>> PASSWORD_KINDS =
            List.of(StringCredentials.class, StandardUsernamePasswordCredentials.class);

    private final String id;
    private final List<DomainRequirement> requirements;
    private final int count;

    private SameIdCredentials(String id, List<DomainRequirement> requirements, int count) {
        this.id = id;
        this.requirements = requirements;
        this.count = count;
    }

    /**
     * @param context the job, or the folder or Jenkins whose configuration names the credential
     * @param kinds   the kinds the lookup accepts
     */
    static SameIdCredentials in(
            ModelObject context,
            String id,
            List<DomainRequirement> requirements,
            List<Class<? extends StandardCredentials>> kinds) {
        // Store by store: CredentialsProvider.lookupCredentialsInItem keeps only the first credential of each id,
        // which is exactly the shadowing to be found.
        int found = 0;
        try (ACLContext asSystem = ACL.as2(ACL.SYSTEM2)) {
            for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
                for (Domain domain : store.getDomains()) {
                    if (!domain.test(requirements)) {
                        continue;
                    }
                    for (Credentials candidate : store.getCredentials(domain)) {
                        if (candidate instanceof StandardCredentials standard
                                && id.equals(standard.getId())
                                && kinds.stream().anyMatch(kind -> kind.isInstance(standard))
                                && !(standard.getScope() == CredentialsScope.SYSTEM
                                        && store.getContext() instanceof Jenkins)
                                && !(candidate instanceof DomainRestrictedCredentials restricted
                                        && !restricted.matches(requirements))) {
                            found++;
                        }
                    }
                }
            }
        }
        return new SameIdCredentials(id, requirements, found);
    }

    /** For a form: the job's stores, or in the global configuration (no item) Jenkins' own. */
    static SameIdCredentials inForm(
            Item item,
            String id,
            List<DomainRequirement> requirements,
            List<Class<? extends StandardCredentials>> kinds) {
        return in(item == null ? Jenkins.get() : item, id, requirements, kinds);
    }

    /** The build's refusal when more than one credential answers to the id, or null when the id is unambiguous. */
    String ambiguity(String field) {
        return count < 2
                ? null
                : Messages.Credentials_AmbiguousId(
                        field, LogText.value(id), DataCenterDomain.hostOf(requirements), count);
    }

    /** The same for a form, which names no field: what the build will refuse, or null. */
    String formAmbiguity() {
        return count < 2
                ? null
                : Messages.CredentialsDropdowns_AmbiguousId(
                        LogText.value(id), DataCenterDomain.hostOf(requirements), count);
    }
}
