package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.simulator.ApiClient;
import io.jenkins.plugins.platformpassword.simulator.PlatformSimulator;
import java.time.Duration;

/**
 * A simulator with the smallest tenant tree that exercises the platform's rules: an API client
 * in a partner tenant, a user in a customer tenant below it (its password may be changed), and
 * a user in the partner tenant itself (its password may not).
 */
final class SimulatedPlatform implements AutoCloseable {

    /** Fast retries, so that tests of the retry loop take milliseconds rather than seconds. */
    static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(200));

    final PlatformSimulator simulator = PlatformSimulator.start();
    final String partnerTenant = simulator.addTenant(simulator.rootTenantId(), "Partner");
    final String customerTenant = simulator.addTenant(partnerTenant, "Customer");
    final ApiClient apiClient = simulator.addApiClient(partnerTenant);
    final String customerUser = simulator.addUser(customerTenant, "customer-user");
    final String partnerUser = simulator.addUser(partnerTenant, "partner-user");
    final TokenCache tokens = new TokenCache();

    PlatformEndpoint endpoint() {
        return PlatformEndpoint.parse(simulator.dataCenterUrl().toString(), true);
    }

    ApiClientCredentials credentials() {
        return new ApiClientCredentials(apiClient.clientId(), SecretValue.of(apiClient.secret()));
    }

    ClientSettings settings() {
        return ClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withDeadline(Duration.ofSeconds(10))
                .withRetryPolicy(FAST_RETRIES);
    }

    PlatformClient client() {
        return client(settings());
    }

    PlatformClient client(ClientSettings settings) {
        return new PlatformClient(endpoint(), credentials(), settings, tokens, ProgressListener.NONE);
    }

    /** A client as a build makes one: its connections come from the controller's shared ones. */
    PlatformClient client(ClientSettings settings, PlatformConnections connections) {
        return new PlatformClient(endpoint(), credentials(), settings, tokens, connections, ProgressListener.NONE);
    }

    PlatformClient client(ApiClientCredentials credentials) {
        return new PlatformClient(endpoint(), credentials, settings(), tokens, ProgressListener.NONE);
    }

    long tokenRequests() {
        return simulator.requestCount("POST", "/api/2/idp/token");
    }

    long passwordRequests() {
        return simulator.requests().stream()
                .filter(r -> r.path().endsWith("/password"))
                .count();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
