package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
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
import io.jenkins.plugins.platformpassword.client.platforms.NamedPlatform;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import java.util.List;

/**
 * "Test connection": gets a fresh token with the selected API client and, when a user id is
 * given, reads that user, which proves the client can reach it. Callers have checked that the
 * requester may configure the job (or Jenkins), since this sends a stored secret to the URL given;
 * the credential is looked up with that URL's domain requirements, as the build would, so a
 * credential restricted to another data center's host is not sent there either. Nor is the
 * personal credential of a user the job runs as, unless that user is the one asking
 * ({@link CredentialsDropdowns#findApiClientToSend}).
 */
final class ConnectionTest {

    private final PlatformPasswordConfiguration global;
    private final NamedPlatform platform;

    /** @param platform the platform whose timeouts apply, or null for the global ones */
    ConnectionTest(PlatformPasswordConfiguration global, NamedPlatform platform) {
        this.global = global;
        this.platform = platform;
    }

    FormValidation run(Item item, String baseUrl, String credentialsId, String userId, boolean allowPlainHttp) {
        if (Util.fixEmptyAndTrim(baseUrl) == null) {
            return FormValidation.error(Messages.Run_BaseUrlMissing());
        }
        if (Util.fixEmptyAndTrim(credentialsId) == null) {
            return FormValidation.error(Messages.Run_CredentialsIdMissing());
        }
        if (credentialsId.contains("${")) {
            return FormValidation.warning(Messages.ConnectionTest_Expression());
        }
        try {
            PlatformEndpoint endpoint = PlatformEndpoint.parse(baseUrl, allowPlainHttp);
            UserId user = Util.fixEmptyAndTrim(userId) == null || userId.contains("${") ? null : UserId.parse(userId);
            List<DomainRequirement> domain = DataCenterDomain.of(endpoint);
            StandardUsernamePasswordCredentials stored =
                    CredentialsDropdowns.findApiClientToSend(item, credentialsId, domain);
            if (stored == null) {
                String runAs = CredentialsDropdowns.otherRunAsUser(item);
                if (runAs != null && CredentialsDropdowns.findApiClient(item, credentialsId, domain) != null) {
                    // Another user's personal credential: only that user's builds (or own test) send it.
                    return FormValidation.error(Messages.ConnectionTest_OthersPersonal(
                            LogText.value(credentialsId.trim()), LogText.value(runAs)));
                }
                return CredentialsDropdowns.checkApiClient(item, credentialsId, domain);
            }
            // As the build would: an id that names two API clients is refused before either is sent.
            String ambiguity = SameIdCredentials.inForm(
                            item, stored.getId(), domain, SameIdCredentials.API_CLIENT_KINDS)
                    .formAmbiguity();
            if (ambiguity != null) {
                return FormValidation.error(ambiguity);
            }
            ApiClientCredentials credentials = JenkinsCredentials.toClient(stored);
            try (PlatformClient client = new PlatformClient(
                    endpoint,
                    credentials,
                    global.clientSettings(platform),
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
                        LogText.value(found.id()),
                        LogText.value(String.valueOf(found.login())),
                        LogText.value(String.valueOf(found.tenantId()))));
            }
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        } catch (PlatformException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
