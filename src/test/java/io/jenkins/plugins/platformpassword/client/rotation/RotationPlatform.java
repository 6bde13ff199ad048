package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.ClientSettings;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.ProgressListener;
import io.jenkins.plugins.platformpassword.client.RetryPolicy;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.simulator.ApiClient;
import io.jenkins.plugins.platformpassword.simulator.PlatformSimulator;
import java.time.Duration;
import java.util.Optional;

/**
 * The simulator with an API client in a partner tenant, a user below it whose password starts
 * as {@link #INITIAL_PASSWORD} (set through the API, so the simulator knows it), and a user in
 * the partner tenant itself, whose password the platform refuses to change (403).
 *
 * <p>Built from the client's public API only, as the rotation package is.
 */
final class RotationPlatform implements AutoCloseable {

    static final SecretValue INITIAL_PASSWORD = SecretValue.of("Initial-Pw-4kq8Zt-before-rotation");

    /** Three attempts, milliseconds apart, so that retry paths are quick. */
    static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(200));

    final PlatformSimulator simulator = PlatformSimulator.start();
    private final String partnerTenant = simulator.addTenant(simulator.rootTenantId(), "Partner");
    private final String customerTenant = simulator.addTenant(partnerTenant, "Customer");
    private final ApiClient apiClient = simulator.addApiClient(partnerTenant);
    final UserId user = UserId.parse(simulator.addUser(customerTenant, "rotated-user"));
    final UserId ownTenantUser = UserId.parse(simulator.addUser(partnerTenant, "partner-user"));
    /** The token cache of the Jenkins that runs the first rotation; a restart starts with an empty one. */
    private final TokenCache tokens = new TokenCache();

    private RotationPlatform() {}

    static RotationPlatform start() throws PlatformException {
        RotationPlatform platform = new RotationPlatform();
        try (PlatformClient client = platform.client()) {
            client.changePassword(platform.user, NewPassword.of(INITIAL_PASSWORD));
        }
        return platform;
    }

    ClientSettings settings() {
        return ClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withDeadline(Duration.ofSeconds(20))
                .withRetryPolicy(FAST_RETRIES);
    }

    /** A client sharing this Jenkins' token cache (no token request after the first). */
    PlatformClient client() {
        return client(settings());
    }

    PlatformClient client(ClientSettings settings) {
        return new PlatformClient(endpoint(), credentials(), settings, tokens, ProgressListener.NONE);
    }

    /** A client as a restarted controller has it: nothing cached. */
    PlatformClient restartedClient() {
        return new PlatformClient(endpoint(), credentials(), settings(), new TokenCache(), ProgressListener.NONE);
    }

    /** The password the platform accepts now for the rotated user. */
    SecretValue activePassword() {
        return SecretValue.of(simulator.passwordOf(user.value()).orElseThrow());
    }

    Optional<String> passwordOf(UserId someone) {
        return simulator.passwordOf(someone.value());
    }

    int passwordChanges() {
        return simulator.passwordChangeCount(user.value());
    }

    /** Whom a pending entry of a rotation of {@link #user} belongs to. */
    RotationSubject subject() {
        return RotationSubject.of(endpoint(), user);
    }

    String passwordPath(UserId someone) {
        return "/api/2/users/" + someone.value() + "/password";
    }

    private PlatformEndpoint endpoint() {
        return PlatformEndpoint.parse(simulator.dataCenterUrl().toString(), true);
    }

    private ApiClientCredentials credentials() {
        return new ApiClientCredentials(apiClient.clientId(), SecretValue.of(apiClient.secret()));
    }

    @Override
    public void close() {
        simulator.close();
    }
}
