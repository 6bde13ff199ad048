package io.jenkins.plugins.platformpassword.benchmark;

import io.jenkins.plugins.platformpassword.simulator.ApiClient;
import io.jenkins.plugins.platformpassword.simulator.HttpVersions;
import io.jenkins.plugins.platformpassword.simulator.PlatformSimulator;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import io.jenkins.plugins.platformpassword.simulator.TestCertificateAuthority;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;

/**
 * The simulator as production reaches the platform: HTTPS with a certificate from a test CA made
 * for this run, HTTP/2 and HTTP/1.1 offered by ALPN, behind a {@link LatencyFront} with the round
 * trip of the phase. The tenant tree and the password are those of {@link BenchmarkPlatform}.
 * Every URL a variant uses points at the front, never at the simulator itself.
 */
final class NetworkPlatform implements AutoCloseable {

    final TestCertificateAuthority ca = TestCertificateAuthority.create("Benchmark Test CA");
    final PlatformSimulator simulator =
            PlatformSimulator.startHttps(ca.issueForLoopback(), HttpVersions.HTTP_2_AND_HTTP_1_1);
    final ApiClient apiClient;
    final String userId;
    private LatencyFront front;

    NetworkPlatform() {
        String partner = simulator.addTenant(simulator.rootTenantId(), "Partner");
        String customer = simulator.addTenant(partner, "Customer");
        apiClient = simulator.addApiClient(partner);
        userId = simulator.addUser(customer, "benchmark-user");
    }

    /** Replaces the front (and so cuts every connection through the old one) with one for this round trip. */
    LatencyFront front(Duration roundTrip) {
        if (front != null) {
            front.close();
        }
        front = LatencyFront.start(
                new InetSocketAddress(
                        InetAddress.getLoopbackAddress(),
                        simulator.dataCenterUrl().getPort()),
                roundTrip);
        return front;
    }

    /** The data center as a build's configuration names it: the front's address. */
    String dataCenterUrl() {
        return "https://127.0.0.1:" + front.port();
    }

    BuildConfiguration configuration() {
        return new BuildConfiguration(
                dataCenterUrl(), apiClient.clientId(), apiClient.secret(), userId, BenchmarkPlatform.PASSWORD);
    }

    URI tokenUri() {
        return URI.create(dataCenterUrl() + "/api/2/idp/token");
    }

    URI passwordUri() {
        return URI.create(dataCenterUrl() + "/api/2/users/" + userId + "/password");
    }

    /** A TLS context that trusts the test CA only; a new one has no TLS sessions to resume. */
    SSLContext newTrust() {
        return ca.trustingOnlyThis();
    }

    /** What the simulator received since the log was last cleared. */
    Traffic traffic() {
        List<RecordedRequest> requests = simulator.requests();
        long token = requests.stream()
                .filter(r -> r.path().equals("/api/2/idp/token"))
                .count();
        long password =
                requests.stream().filter(r -> r.path().endsWith("/password")).count();
        return new Traffic(
                token,
                password,
                requests.size() - token - password,
                new TreeSet<>(requests.stream().map(RecordedRequest::protocol).toList()));
    }

    /** Requests by kind, and the protocols they came in. */
    record Traffic(long token, long password, long other, TreeSet<String> protocols) {}

    void clearRequestLog() {
        simulator.clearRequests();
    }

    @Override
    public void close() {
        if (front != null) {
            front.close();
        }
        simulator.close();
    }
}
