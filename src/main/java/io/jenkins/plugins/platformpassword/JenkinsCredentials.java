package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.SecretValue;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns credential ids into the client's plain values, as the build sees them, and records the
 * use of each credential on the build ({@code findCredentialById} does not track by itself).
 * Errors name the field, the id and the expected kinds; never a value.
 */
final class JenkinsCredentials {

    private final Run<?, ?> run;

    JenkinsCredentials(Run<?, ?> run) {
        this.run = run;
    }

    ApiClientCredentials apiClient(String id) throws AbortException {
        StandardUsernamePasswordCredentials found =
                CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run);
        if (found == null) {
            throw notUsable(ApiClientCredentials.FIELD, id, Messages.Credentials_ApiClientTypes());
        }
        CredentialsProvider.track(run, found);
        return toClient(found);
    }

    /** The client's view of an API client credential; a username marked secret stays out of messages too. */
    static ApiClientCredentials toClient(StandardUsernamePasswordCredentials credential) {
        return new ApiClientCredentials(
                credential.getUsername(),
                plain(credential.getPassword()),
                credential instanceof UsernamePasswordCredentialsImpl impl && impl.isUsernameSecret());
    }

    NewPassword newPassword(String id) throws AbortException {
        StringCredentials text = CredentialsProvider.findCredentialById(id, StringCredentials.class, run);
        if (text != null) {
            CredentialsProvider.track(run, text);
            return NewPassword.of(plain(text.getSecret()));
        }
        StandardUsernamePasswordCredentials pair =
                CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run);
        if (pair != null) {
            CredentialsProvider.track(run, pair);
            return NewPassword.of(plain(pair.getPassword()));
        }
        throw notUsable(NewPassword.FIELD, id, Messages.Credentials_PasswordTypes());
    }

    private AbortException notUsable(String field, String id, String expected) {
        StandardCredentials other = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        return new AbortException(
                other == null
                        ? Messages.Credentials_NotFound(field, id, expected)
                        : Messages.Credentials_WrongType(
                                field, id, other.getDescriptor().getDisplayName(), expected));
    }

    private static SecretValue plain(Secret secret) {
        return SecretValue.of(Secret.toString(secret));
    }
}
