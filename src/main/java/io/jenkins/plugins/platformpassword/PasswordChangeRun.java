package io.jenkins.plugins.platformpassword;

import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.FailureKind;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.UserId;

/**
 * One execution of the step in one build: resolve the inputs (falling back to the global
 * defaults), check them all before anything is sent, change the password, and say what happened.
 * A failure becomes an {@link AbortException}, which fails the build with the client's message
 * and no stack trace; an abort stays an {@link InterruptedException}, so Jenkins marks the build
 * aborted rather than failed.
 */
final class PasswordChangeRun {

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final PlatformPasswordConfiguration global;

    PasswordChangeRun(Run<?, ?> run, TaskListener listener, PlatformPasswordConfiguration global) {
        this.run = run;
        this.listener = listener;
        this.global = global;
    }

    void change(String baseUrl, String credentialsId, String userId, String passwordCredentialsId)
            throws AbortException, InterruptedException {
        String url = orDefault(baseUrl, global.getBaseUrl(), Messages.Run_BaseUrlMissing());
        String clientCredentialsId = orDefault(credentialsId, global.getCredentialsId(), Messages.Run_CredentialsIdMissing());
        String passwordId = orDefault(passwordCredentialsId, null, Messages.Run_PasswordCredentialsIdMissing());
        PlatformEndpoint endpoint;
        UserId user;
        ApiClientCredentials client;
        NewPassword password;
        try {
            endpoint = PlatformEndpoint.parse(url, global.isAllowPlainHttp());
            user = UserId.parse(userId);
            JenkinsCredentials credentials = new JenkinsCredentials(run);
            client = credentials.apiClient(clientCredentialsId);
            password = credentials.newPassword(passwordId);
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        BuildConsole console = new BuildConsole(listener);
        console.starting(endpoint, user, client.clientId());
        try (PlatformClient platform = new PlatformClient(endpoint, client, global.clientSettings(), global.tokenCache(), console)) {
            console.changed(platform.changePassword(user, password));
        } catch (PlatformException e) {
            if (e.kind() == FailureKind.ABORTED) {
                throw new InterruptedException(e.getMessage());
            }
            throw new AbortException(e.getMessage());
        }
    }

    private static String orDefault(String value, String fallback, String missingMessage) throws AbortException {
        String chosen = Util.fixEmptyAndTrim(value) != null ? value : Util.fixEmptyAndTrim(fallback);
        if (chosen == null) {
            throw new AbortException(missingMessage);
        }
        return chosen;
    }
}
