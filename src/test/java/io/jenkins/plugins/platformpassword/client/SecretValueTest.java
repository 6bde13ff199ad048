package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.AccessToken;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.client.tokens.TokenLifetime;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecretValueTest {

    private static final String CANARY = "canary-Sécret-🔑";
    private static final String CLIENT_ID = "6c36f1a2-0b7e-4d2a-9a51-3f0e8c7d2b14";

    @Test
    void neverPrintsItself() {
        SecretValue secret = SecretValue.of(CANARY);
        assertThat(secret.toString()).doesNotContain(CANARY).isEqualTo("****");
        assertThat("value: " + secret).doesNotContain(CANARY);
        assertThat(secret.reveal()).isEqualTo(CANARY);
    }

    @Test
    void valueObjectsHoldingSecretsDoNotPrintThem() {
        SecretValue secret = SecretValue.of(CANARY);
        assertThat(new ApiClientCredentials(CLIENT_ID, secret).toString())
                .contains(CLIENT_ID)
                .doesNotContain(CANARY);
        assertThat(NewPassword.of(secret).toString()).doesNotContain(CANARY);
        assertThat(new AccessToken(secret, "bearer", new TokenLifetime(Instant.EPOCH, Instant.EPOCH)).toString())
                .doesNotContain(CANARY);
        assertThat(TokenCache.Key.of(
                                PlatformEndpoint.parse("https://dc.example.com", false)
                                        .dataCenterUrl(),
                                CLIENT_ID,
                                secret)
                        .toString())
                .doesNotContain(CANARY)
                .doesNotContain(secret.fingerprint());
    }

    @Test
    void fingerprintDistinguishesSecretsWithoutRevealingThem() {
        assertThat(SecretValue.of("secret-one").fingerprint())
                .isNotEqualTo(SecretValue.of("secret-two").fingerprint())
                .doesNotContain("secret");
        assertThat(SecretValue.of(CANARY).fingerprint())
                .isEqualTo(SecretValue.of(CANARY).fingerprint());
    }

    @Test
    void equalityComparesValues() {
        assertThat(SecretValue.of(CANARY)).isEqualTo(SecretValue.of(CANARY)).isNotEqualTo(SecretValue.of("other"));
    }

    @Test
    void blankMeansWhitespaceOnly() {
        assertThat(SecretValue.of(" \t\u2003").isBlank()).isTrue();
        assertThat(SecretValue.of(" x ").isBlank()).isFalse();
    }
}
