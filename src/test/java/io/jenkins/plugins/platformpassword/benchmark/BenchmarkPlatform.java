package io.jenkins.plugins.platformpassword.benchmark;

import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.ClientSettings;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.ProgressListener;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.simulator.ApiClient;
import io.jenkins.plugins.platformpassword.simulator.PlatformSimulator;
import java.net.URI;
import java.time.Duration;

/**
 * The simulator with the smallest tenant tree in which a password change succeeds: an API client
 * in a partner tenant and a user in a customer tenant below it. Every variant of the benchmark
 * changes the password of that one user, to the same value, with the same JSON body.
 */
final class BenchmarkPlatform implements AutoCloseable {

    /** Letters, digits and dashes only, so that every JSON encoder writes it the same way. */
    static final String PASSWORD = "Benchmark-Passw0rd-4711";

    /** What every variant sends to the password endpoint: {@code {"password":"..."}}. */
    static final String PASSWORD_JSON = "{\"password\":\"" + PASSWORD + "\"}";

    final PlatformSimulator simulator = PlatformSimulator.start();
    final ApiClient apiClient;
    final String userId;

    /** One cache for the whole run, as Jenkins holds one for the whole controller. */
    final TokenCache tokens = new TokenCache();

    private final PlatformEndpoint endpoint;
    private final ApiClientCredentials credentials;
    private final UserId user;
    private final NewPassword newPassword = NewPassword.of(SecretValue.of(PASSWORD));

    BenchmarkPlatform() {
        String partner = simulator.addTenant(simulator.rootTenantId(), "Partner");
        String customer = simulator.addTenant(partner, "Customer");
        apiClient = simulator.addApiClient(partner);
        userId = simulator.addUser(customer, "benchmark-user");
        endpoint = PlatformEndpoint.parse(simulator.dataCenterUrl().toString(), true);
        credentials = new ApiClientCredentials(apiClient.clientId(), SecretValue.of(apiClient.secret()));
        user = UserId.parse(userId);
    }

    void latency(Duration perRequest) {
        simulator.latency(perRequest);
    }

    /** A client as the Jenkins step builds one for a build: default settings, the shared token cache. */
    PlatformClient newClient() {
        return new PlatformClient(endpoint, credentials, ClientSettings.defaults(), tokens, ProgressListener.NONE);
    }

    UserId user() {
        return user;
    }

    NewPassword newPassword() {
        return newPassword;
    }

    URI tokenUri() {
        return URI.create(endpoint.apiUrl("/idp/token"));
    }

    URI passwordUri() {
        return URI.create(endpoint.apiUrl("/users/" + userId + "/password"));
    }

    long tokenRequests() {
        return simulator.requestCount("POST", "/api/2/idp/token");
    }

    long passwordRequests() {
        return simulator.requestCount("POST", "/api/2/users/" + userId + "/password");
    }

    long allRequests() {
        return simulator.requests().size();
    }

    /** Forgets the request log; it grows by one entry per request and would otherwise look like a leak. */
    void clearRequestLog() {
        simulator.clearRequests();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
