package io.jenkins.plugins.platformpassword.benchmark;

import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.ChangeOutcome;
import io.jenkins.plugins.platformpassword.client.ClientSettings;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.ProgressListener;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.passwords.PasswordScreening;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.users.PasswordChanger;
import io.jenkins.plugins.platformpassword.client.users.PreflightMode;

/**
 * What one build of the step does for a user id and a password from a credential, with
 * {@code checkCompromised: false} (the compromised-password check is one more request, measured
 * by the plain-http part of the benchmark): resolve its inputs, make a client on the
 * controller's shared connections and token cache, change the password with the step's default
 * pre-flight mode, close the client. Only the client's public API, as the glue uses it.
 */
final class Build {

    private Build() {}

    static ChangeOutcome run(BuildConfiguration configuration, Controller controller) throws PlatformException {
        PlatformEndpoint endpoint = PlatformEndpoint.parse(configuration.dataCenterUrl(), false);
        UserId user = UserId.parse(configuration.userId());
        ApiClientCredentials credentials =
                new ApiClientCredentials(configuration.clientId(), SecretValue.of(configuration.clientSecret()));
        NewPassword password = NewPassword.of(SecretValue.of(configuration.newPassword()));
        PasswordScreening.checkLength(password); // the step's default checkPasswordLength
        ClientSettings settings = ClientSettings.defaults().withTrust(controller.trust());
        try (PlatformClient client = new PlatformClient(
                endpoint,
                credentials,
                settings,
                controller.tokens(),
                controller.connections(),
                ProgressListener.NONE)) {
            return new PasswordChanger(client, PreflightMode.ON_FAILURE).change(user, password);
        }
    }
}
