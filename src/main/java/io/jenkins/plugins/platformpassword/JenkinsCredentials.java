package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.AbortException;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Finds the step's credentials as the build sees them, with the data center's domain
 * requirements (the same ones the dropdowns list with, as the Credentials plugin's consumer guide
 * asks, so that a credential restricted to one data center's host is never sent to another), and
 * records the use of each on the build ({@code findCredentialById} does not track by itself).
 * Errors name the field, the id and the expected kinds; never a value.
 */
final class JenkinsCredentials {

    private final Run<?, ?> run;
    private final List<DomainRequirement> requirements;
    private final String urlOwner;

    /**
     * @param urlOwner the folder whose platform gives the data center URL, or null: then no personal
     *                 credential is sent, because that folder's configurers chose where it goes, while
     *                 the build may run as someone else whose personal store the lookup searches
     */
    JenkinsCredentials(Run<?, ?> run, List<DomainRequirement> requirements, String urlOwner) {
        this.run = run;
        this.requirements = requirements;
        this.urlOwner = urlOwner;
    }

    StandardUsernamePasswordCredentials apiClient(String id) throws AbortException {
        StandardUsernamePasswordCredentials found = CredentialsProvider.findCredentialById(
                id, StandardUsernamePasswordCredentials.class, run, requirements);
        if (found == null) {
            throw notUsable(ApiClientCredentials.FIELD, id, Messages.Credentials_ApiClientTypes());
        }
        requireOnlyAndShared(ApiClientCredentials.FIELD, found, SameIdCredentials.API_CLIENT_KINDS);
        CredentialsProvider.track(run, found);
        return found;
    }

    /** A Secret text credential, or a Username with password credential whose password is the new password. */
    StandardCredentials newPassword(String id) throws AbortException {
        StringCredentials text = CredentialsProvider.findCredentialById(id, StringCredentials.class, run, requirements);
        if (text != null) {
            requireOnlyAndShared(NewPassword.FIELD, text, SameIdCredentials.PASSWORD_KINDS);
            CredentialsProvider.track(run, text);
            return text;
        }
        StandardUsernamePasswordCredentials pair = CredentialsProvider.findCredentialById(
                id, StandardUsernamePasswordCredentials.class, run, requirements);
        if (pair != null) {
            requireOnlyAndShared(NewPassword.FIELD, pair, SameIdCredentials.PASSWORD_KINDS);
            CredentialsProvider.track(run, pair);
            return pair;
        }
        throw notUsable(NewPassword.FIELD, id, Messages.Credentials_PasswordTypes());
    }

    /**
     * The client's view of an API client credential; a username marked secret stays out of messages
     * too. A refusal names the credential by its id, which is no secret, because the field alone
     * does not say which of several credentials to fix.
     */
    static ApiClientCredentials toClient(StandardUsernamePasswordCredentials credential) {
        try {
            return new ApiClientCredentials(
                    credential.getUsername(), plain(credential.getPassword()), credential.isUsernameSecret());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    e.field(), "credential '" + LogText.value(credential.getId()) + "': " + e.problem());
        }
    }

    /** The new password held by a credential that {@link #newPassword} found. */
    static NewPassword passwordOf(StandardCredentials credential) {
        Secret secret = credential instanceof StringCredentials text
                ? text.getSecret()
                : ((StandardUsernamePasswordCredentials) credential).getPassword();
        return NewPassword.of(plain(secret));
    }

    /**
     * The id must name one credential of the job's folders and Jenkins ({@link SameIdCredentials}).
     * With a folder's URL, only what those hold may go, not a personal credential: the credentials
     * anyone who configures that folder could use from a job of their own anyway.
     */
    private void requireOnlyAndShared(
            String field, StandardCredentials found, List<Class<? extends StandardCredentials>> kinds)
            throws AbortException {
        if (found.getScope() == CredentialsScope.SYSTEM) {
            // The Jenkins store keeps these from builds; a folder store does not, and only a crafted request puts one
            // there (its form offers Global alone), which needs nothing but Credentials/Create.
            throw new AbortException(Messages.Credentials_SystemScope(field, LogText.value(found.getId())));
        }
        String ambiguity = SameIdCredentials.in(run.getParent(), found.getId(), requirements, kinds)
                .ambiguity(field);
        if (ambiguity != null) {
            throw new AbortException(ambiguity);
        }
        if (urlOwner != null && !shared(found)) {
            throw new AbortException(
                    Messages.Credentials_PersonalToFolderUrl(field, LogText.value(found.getId()), urlOwner));
        }
    }

    /**
     * Whether the job's folders or Jenkins (or a provider an administrator configured) hold this
     * very instance. The lookup as SYSTEM never searches a personal store.
     */
    private boolean shared(StandardCredentials found) {
        return CredentialsProvider.lookupCredentialsInItem(
                        StandardCredentials.class, run.getParent(), ACL.SYSTEM2, requirements)
                .stream()
                .anyMatch(candidate -> candidate == found);
    }

    private AbortException notUsable(String field, String id, String expected) {
        StandardCredentials other =
                CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, requirements);
        if (other != null) {
            return new AbortException(Messages.Credentials_WrongType(
                    field, LogText.value(id), other.getDescriptor().getDisplayName(), expected));
        }
        // Present but restricted to other hosts: say so, or a person hunts for a credential that is right there.
        boolean elsewhere =
                CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, List.of()) != null;
        return new AbortException(
                elsewhere
                        ? Messages.Credentials_OtherDomain(
                                field, LogText.value(id), DataCenterDomain.hostOf(requirements))
                        : Messages.Credentials_NotFound(field, LogText.value(id), expected));
    }

    private static SecretValue plain(Secret secret) {
        return SecretValue.of(Secret.toString(secret));
    }
}
