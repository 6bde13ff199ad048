package io.jenkins.plugins.platformpassword.client.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A token belongs to one data center, one API client and one secret: a key that differs in any of them is another key. */
class TokenCacheKeyTest {

    private static final String CLIENT = "1c234e69-5469-424a-a6d1-ff5658b387a6";

    private static TokenCache.Key key(String dataCenter, String clientId, String secret) {
        return TokenCache.Key.of(URI.create(dataCenter), clientId, SecretValue.of(secret));
    }

    @Test
    void equalPartsMakeEqualKeysWithEqualHashes() {
        TokenCache.Key one = key("https://eu2.example.com", CLIENT, "s3cr3t");
        TokenCache.Key other = key("https://eu2.example.com", new String(CLIENT.toCharArray()), "s3cr3t");
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }

    @Test
    void aKeyThatDiffersInAnyPartIsAnotherKey() {
        TokenCache.Key one = key("https://eu2.example.com", CLIENT, "s3cr3t");
        assertThat(one)
                .isNotEqualTo(key("https://us1.example.com", CLIENT, "s3cr3t"))
                .isNotEqualTo(key("https://eu2.example.com", "2c234e69-5469-424a-a6d1-ff5658b387a6", "s3cr3t"))
                .isNotEqualTo(key("https://eu2.example.com", CLIENT, "rotated"))
                .isNotEqualTo(null)
                .isNotEqualTo(one.toString());
    }

    @Test
    void theKeyShowsNeitherTheClientNorTheSecret() {
        assertThat(key("https://eu2.example.com", CLIENT, "s3cr3t-canary").toString())
                .doesNotContain(CLIENT)
                .doesNotContain("s3cr3t-canary")
                .doesNotContain(SecretValue.of("s3cr3t-canary").fingerprint());
    }
}
