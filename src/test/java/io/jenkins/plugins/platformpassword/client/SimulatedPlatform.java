package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.client.transport.PlatformConnections;
import io.jenkins.plugins.platformpassword.simulator.ApiClient;
import io.jenkins.plugins.platformpassword.simulator.HttpVersions;
import io.jenkins.plugins.platformpassword.simulator.PlatformSimulator;
import io.jenkins.plugins.platformpassword.simulator.TestCertificateAuthority;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * A simulator with the smallest tenant tree that exercises the platform's rules: an API client
 * in a partner tenant, a user in a customer tenant below it (its password may be changed), and
 * a user in the partner tenant itself (its password may not).
 */
public final class SimulatedPlatform implements AutoCloseable {

    /** Fast retries, so that tests of the retry loop take milliseconds rather than seconds. */
    static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(200));

    public final PlatformSimulator simulator;
    public final String partnerTenant;
    public final String customerTenant;
    final ApiClient apiClient;
    public final String customerUser;
    final String partnerUser;
    final TokenCache tokens = new TokenCache();
    /** What the client trusts for TLS; null for the JVM's default. */
    private final SSLContext trust;

    /** Plain HTTP/1.1, with the JDK's server. */
    public SimulatedPlatform() {
        this(PlatformSimulator.start(), null);
    }

    /** Any simulator, e.g. one that serves HTTPS, and what the client is to trust. */
    public SimulatedPlatform(PlatformSimulator simulator, SSLContext trust) {
        this.simulator = simulator;
        this.trust = trust;
        partnerTenant = simulator.addTenant(simulator.rootTenantId(), "Partner");
        customerTenant = simulator.addTenant(partnerTenant, "Customer");
        apiClient = simulator.addApiClient(partnerTenant);
        customerUser = simulator.addUser(customerTenant, "customer-user");
        partnerUser = simulator.addUser(partnerTenant, "partner-user");
    }

    /** HTTPS with a certificate for 127.0.0.1 from a new test CA, which the client trusts. */
    static SimulatedPlatform overTls(HttpVersions versions) {
        TestCertificateAuthority ca = TestCertificateAuthority.create("Platform Password Test CA");
        return new SimulatedPlatform(
                PlatformSimulator.startHttps(ca.issueForLoopback(), versions), ca.trustingOnlyThis());
    }

    /** An error page for {@code Fault.trickle}: byte by byte it takes far longer than any test waits. */
    static final String SLOW_ERROR_PAGE = "{\"error\":{\"code\":1000,\"domain\":\"PlatformAccountServer\","
            + "\"message\":\"a slow error page that takes a long time to arrive\",\"details\":{\"info\":\"x\"}}}";

    /** Long timeouts and long retry waits: only an abort or a close can end a call quickly. */
    ClientSettings patientSettings() {
        return settings()
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .withDeadline(Duration.ofSeconds(90))
                .withRetryPolicy(
                        new RetryPolicy(3, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(30)));
    }

    public PlatformEndpoint endpoint() {
        return PlatformEndpoint.parse(simulator.dataCenterUrl().toString(), true);
    }

    public ApiClientCredentials credentials() {
        return new ApiClientCredentials(apiClient.clientId(), SecretValue.of(apiClient.secret()));
    }

    public ClientSettings settings() {
        ClientSettings settings = ClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withDeadline(Duration.ofSeconds(10))
                .withRetryPolicy(FAST_RETRIES);
        return trust == null ? settings : settings.withTrust(trust);
    }

    public PlatformClient client() {
        return client(settings());
    }

    public PlatformClient client(ClientSettings settings) {
        return new PlatformClient(endpoint(), credentials(), settings, tokens, ProgressListener.NONE);
    }

    /** A client as a build makes one: its connections come from the controller's shared ones. */
    public PlatformClient client(ClientSettings settings, PlatformConnections connections) {
        return new PlatformClient(endpoint(), credentials(), settings, tokens, connections, ProgressListener.NONE);
    }

    public PlatformClient client(ApiClientCredentials credentials) {
        return new PlatformClient(endpoint(), credentials, settings(), tokens, ProgressListener.NONE);
    }

    public long tokenRequests() {
        return simulator.requestCount("POST", "/api/2/idp/token");
    }

    public long passwordRequests() {
        return simulator.requests().stream()
                .filter(r -> r.path().endsWith("/password"))
                .count();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
