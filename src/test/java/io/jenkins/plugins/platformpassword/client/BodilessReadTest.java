package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.simulator.HttpVersions;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's reads carry no body and so no {@code Content-Length} (RFC 9110 8.6: a request
 * without content should not send one; some firewalls refuse it), while the POSTs still say how
 * long their bodies are. Java 17's client adds {@code Content-Length: 0} to every GET whatever the
 * caller does (JDK-8283544, fixed in Java 19); Jenkins runs on Java 21 and 25.
 */
class BodilessReadTest {

    private static final boolean JDK_ADDS_IT_TO_EVERY_GET = Runtime.version().feature() < 19;

    @ParameterizedTest(name = "over TLS: {0}")
    @ValueSource(booleans = {false, true})
    void aReadSendsNoContentLengthAndAPostSendsItsOwn(boolean overTls) throws Exception {
        try (SimulatedPlatform platform = overTls
                        ? SimulatedPlatform.overTls(HttpVersions.HTTP_2_AND_HTTP_1_1)
                        : new SimulatedPlatform();
                PlatformClient client = platform.client()) {
            client.user(UserId.parse(platform.customerUser));
            client.clientTenantId();

            List<RecordedRequest> reads = platform.simulator.requests().stream()
                    .filter(request -> request.method().equals("GET"))
                    .toList();
            assertThat(reads).hasSizeGreaterThanOrEqualTo(2);
            for (RecordedRequest read : reads) {
                assertThat(read.header("Content-Length"))
                        .as(read.path())
                        .isEqualTo(JDK_ADDS_IT_TO_EVERY_GET && !overTls ? Optional.of("0") : Optional.empty());
            }
            RecordedRequest token = platform.simulator.requests().stream()
                    .filter(request -> request.path().endsWith("/idp/token"))
                    .findFirst()
                    .orElseThrow();
            assertThat(token.header("Content-Length")).hasValue(String.valueOf(token.body().length));
        }
    }
}
