package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.security.ACL;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import java.util.List;

/**
 * The credentials under one id that the job's folders and Jenkins hold, in the domains that admit
 * the data center. A lookup by id takes the first it finds: the nearest store, and within a store
 * its first domain, the global one. So a second credential under the id, planted by someone who
 * may only add credentials (a host-restricted password shadowed from the store's global domain,
 * or a parent folder's from a nearer folder), would choose what the step sends: which API client
 * signs in, and above all which password the user gets and the planter knows. The step therefore
 * uses an id only while it names one credential.
 *
 * <p>Listed as SYSTEM, which never searches a personal store: only their owner writes to those,
 * and a personal credential is the build identity's own choice. System-scoped credentials are left
 * out, as builds never see them. Two domains of one store that admit different data centers may
 * still hold the same id, one for each.
 */
final class SameIdCredentials {

    private final List<StandardCredentials> found;

    private SameIdCredentials(List<StandardCredentials> found) {
        this.found = found;
    }

    static SameIdCredentials in(Item job, String id, List<DomainRequirement> requirements) {
        return new SameIdCredentials(
                CredentialsProvider.lookupCredentialsInItem(StandardCredentials.class, job, ACL.SYSTEM2, requirements)
                        .stream()
                        .filter(candidate -> id.equals(candidate.getId()))
                        .toList());
    }

    /** Whether the build's credential is one that the job's folders or Jenkins hold, not a personal one. */
    boolean holds(StandardCredentials credential) {
        return found.stream().anyMatch(candidate -> candidate == credential);
    }

    /** How many credentials answer to the id; more than one makes the build refuse it. */
    int count() {
        return found.size();
    }

    /** The build's refusal when more than one credential answers to the id, or null when the id is unambiguous. */
    String ambiguity(String field, String id, List<DomainRequirement> requirements) {
        if (found.size() < 2) {
            return null;
        }
        return Messages.Credentials_AmbiguousId(
                field, LogText.value(id), DataCenterDomain.hostOf(requirements), found.size());
    }
}
