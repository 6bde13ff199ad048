package io.jenkins.plugins.platformpassword.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Clients share a transport only when everything its connections depend on is the same. */
class TransportKeyTest {

    private static final URI ORIGIN = URI.create("https://eu2.example.com");
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final TransportKey.ProxyAddress PROXY = new TransportKey.ProxyAddress("proxy.corp", 3128);

    @Test
    void equalSettingsMakeEqualKeysWithEqualHashes() {
        TransportKey one = new TransportKey(ORIGIN, TEN_SECONDS, PROXY, "fingerprint", null);
        TransportKey other = new TransportKey(
                URI.create("https://eu2.example.com"),
                Duration.ofMillis(10_000),
                new TransportKey.ProxyAddress("proxy.corp", 3128),
                "fingerprint",
                null);
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }

    @Test
    void aKeyThatDiffersInAnySettingIsAnotherKey() throws NoSuchAlgorithmException {
        SSLContext ownTrust = SSLContext.getInstance("TLS");
        TransportKey one = new TransportKey(ORIGIN, TEN_SECONDS, PROXY, "fingerprint", null);
        assertThat(one)
                .isNotEqualTo(new TransportKey(
                        URI.create("https://eu2.example.com:8443"), TEN_SECONDS, PROXY, "fingerprint", null))
                .isNotEqualTo(new TransportKey(ORIGIN, Duration.ofSeconds(5), PROXY, "fingerprint", null))
                .isNotEqualTo(new TransportKey(ORIGIN, TEN_SECONDS, null, "fingerprint", null))
                .isNotEqualTo(new TransportKey(
                        ORIGIN, TEN_SECONDS, new TransportKey.ProxyAddress("proxy.corp", 8080), "fingerprint", null))
                .isNotEqualTo(new TransportKey(ORIGIN, TEN_SECONDS, PROXY, "other password", null))
                .isNotEqualTo(new TransportKey(ORIGIN, TEN_SECONDS, PROXY, null, null))
                .isNotEqualTo(new TransportKey(ORIGIN, TEN_SECONDS, PROXY, "fingerprint", ownTrust))
                .isNotEqualTo(null);
        assertThat(new TransportKey(ORIGIN, TEN_SECONDS, PROXY, "fingerprint", ownTrust))
                .isEqualTo(new TransportKey(ORIGIN, TEN_SECONDS, PROXY, "fingerprint", ownTrust));
    }
}
