package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.transport.PlatformConnections;
import io.jenkins.plugins.platformpassword.simulator.HttpVersions;
import io.jenkins.plugins.platformpassword.simulator.PlatformSimulator;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import io.jenkins.plugins.platformpassword.simulator.ServerIdentity;
import io.jenkins.plugins.platformpassword.simulator.TestCertificateAuthority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The production path: HTTPS with a certificate from a CA the client trusts, HTTP/2 where the
 * server offers it (ALPN) and HTTP/1.1 where it does not; and certificates the client must refuse,
 * at once, without retrying and without sending a byte of HTTP.
 */
class TlsTest {

    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));

    private static void changeAndCheck(SimulatedPlatform platform, String protocol) throws Exception {
        try (PlatformConnections connections = new PlatformConnections()) {
            for (int build = 0; build < 2; build++) {
                try (PlatformClient client = platform.client(platform.settings(), connections)) {
                    assertThat(client.changePassword(UserId.parse(platform.customerUser), PASSWORD)
                                    .attempts())
                            .isEqualTo(1);
                }
            }
        }
        List<RecordedRequest> requests = platform.simulator.requests();
        assertThat(requests).hasSize(3).allSatisfy(r -> assertThat(r.protocol()).isEqualTo(protocol));
        assertThat(requests.stream().map(RecordedRequest::clientPort).distinct())
                .as("both builds used one connection")
                .hasSize(1);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains("New-Passw0rd-for-test");
    }

    @Test
    void changesThePasswordOverHttp2WhenTheServerOffersIt() throws Exception {
        try (SimulatedPlatform platform = SimulatedPlatform.overTls(HttpVersions.HTTP_2_AND_HTTP_1_1)) {
            changeAndCheck(platform, "HTTP/2.0");
        }
    }

    @Test
    void changesThePasswordOverHttp11WhenTheServerOffersNothingElse() throws Exception {
        try (SimulatedPlatform platform = SimulatedPlatform.overTls(HttpVersions.HTTP_1_1_ONLY)) {
            changeAndCheck(platform, "HTTP/1.1");
        }
    }

    @Test
    void aCertificateFromAnUntrustedCaIsRefusedAtOnce() throws Exception {
        TestCertificateAuthority other = TestCertificateAuthority.create("Some Other CA");
        refusedAtOnce(TestCertificateAuthority::issueForLoopback, other);
    }

    @Test
    void aCertificateForAnotherHostIsRefusedAtOnce() throws Exception {
        Instant now = Instant.now();
        refusedAtOnce(
                ca -> ca.issue(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), "platform.example"), null);
    }

    @Test
    void anExpiredCertificateIsRefusedAtOnce() throws Exception {
        refusedAtOnce(TestCertificateAuthority::issueExpiredForLoopback, null);
    }

    /**
     * The server presents a certificate made by {@code issuer} from the client's CA (or from
     * {@code otherCa} when given): the change must fail on the first attempt, with the hint about
     * the trust store, and the server must see no request.
     */
    private static void refusedAtOnce(
            Function<TestCertificateAuthority, ServerIdentity> issuer, TestCertificateAuthority otherCa)
            throws Exception {
        TestCertificateAuthority trusted = TestCertificateAuthority.create("Platform Password Test CA");
        ServerIdentity identity = issuer.apply(otherCa == null ? trusted : otherCa);
        List<String> retries = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void retrying(String failure, int nextAttempt, int maxAttempts, Duration wait) {
                retries.add(failure);
            }
        };
        try (SimulatedPlatform platform = new SimulatedPlatform(
                        PlatformSimulator.startHttps(identity, HttpVersions.HTTP_2_AND_HTTP_1_1),
                        trusted.trustingOnlyThis());
                PlatformClient client = new PlatformClient(
                        platform.endpoint(), platform.credentials(), platform.settings(), platform.tokens, listener)) {
            long started = System.nanoTime();
            PlatformException failure = null;
            try {
                client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
            } catch (PlatformException e) {
                failure = e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(failure).isNotNull();
            assertThat(failure.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.getMessage())
                    .contains("the TLS connection to 127.0.0.1")
                    .contains("trust store");
            assertThat(retries).as("retries").isEmpty();
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(platform.simulator.requests())
                    .as("requests the server received")
                    .isEmpty();
        }
    }
}
