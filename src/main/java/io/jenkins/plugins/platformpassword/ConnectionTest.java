package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.PlatformUser;
import io.jenkins.plugins.platformpassword.client.ProgressListener;
import io.jenkins.plugins.platformpassword.client.UserId;

/**
 * "Test connection": gets a fresh token with the selected API client and, when a user id is
 * given, reads that user, which proves the client can reach it. Callers have checked that the
 * requester may configure the job (or Jenkins), since this sends a stored secret to the URL given.
 */
final class ConnectionTest {

    private final PlatformPasswordConfiguration global;

    ConnectionTest(PlatformPasswordConfiguration global) {
        this.global = global;
    }

    FormValidation run(Item item, String baseUrl, String credentialsId, String userId, boolean allowPlainHttp) {
        if (Util.fixEmptyAndTrim(baseUrl) == null) {
            return FormValidation.error(Messages.Run_BaseUrlMissing());
        }
        if (Util.fixEmptyAndTrim(credentialsId) == null) {
            return FormValidation.error(Messages.Run_CredentialsIdMissing());
        }
        try {
            PlatformEndpoint endpoint = PlatformEndpoint.parse(baseUrl, allowPlainHttp);
            UserId user = Util.fixEmptyAndTrim(userId) == null || userId.contains("${") ? null : UserId.parse(userId);
            StandardUsernamePasswordCredentials stored = CredentialsDropdowns.findApiClient(item, credentialsId);
            if (stored == null) {
                return FormValidation.error(
                        Messages.CredentialsDropdowns_NotFound(credentialsId, Messages.Credentials_ApiClientTypes()));
            }
            ApiClientCredentials credentials = JenkinsCredentials.toClient(stored);
            try (PlatformClient client = new PlatformClient(
                    endpoint,
                    credentials,
                    global.clientSettings(),
                    global.tokenCache(),
                    global.connections(),
                    ProgressListener.NONE)) {
                client.verifyCredentials();
                if (user == null) {
                    return FormValidation.ok(Messages.ConnectionTest_Ok(endpoint, credentials.displayId()));
                }
                PlatformUser found = client.user(user);
                return FormValidation.ok(Messages.ConnectionTest_OkWithUser(
                        endpoint,
                        credentials.displayId(),
                        found.id(),
                        String.valueOf(found.login()),
                        String.valueOf(found.tenantId())));
            }
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        } catch (PlatformException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
