package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spec types {@code access_token} and {@code token_type} as strings. A number, a boolean, an
 * object or an array in their place is a broken answer, refused as a protocol error before a
 * request is sent with it; it is never turned into text and sent as {@code Bearer 12345}, which
 * the platform would refuse and the message would then blame on the API client's credentials.
 */
class TokenAnswerTypeTest {

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "true", "false", "1.5e3", "-0", "{\"value\":\"abc\"}", "[\"abc\"]"})
    void aTokenThatIsNotAJsonStringIsAProtocolError(String value) {
        platform.simulator.enqueueFault(
                "/api/2/idp/token",
                Fault.body(
                        200,
                        "application/json",
                        "{\"access_token\":" + value + ",\"token_type\":\"bearer\",\"id_token\":\"x\"}"));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(
                            UserId.parse(platform.customerUser), NewPassword.of(SecretValue.of("Correct-Horse-42!"))))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                        assertThat(e.getMessage()).contains("access_token").contains("not a string");
                    });
        }
        assertThat(platform.passwordRequests())
                .as("requests sent with such a token")
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "[\"bearer\"]", "{\"type\":\"bearer\"}"})
    void aTokenTypeThatIsNotAJsonStringIsAProtocolError(String value) {
        platform.simulator.enqueueFault(
                "/api/2/idp/token",
                Fault.body(
                        200,
                        "application/json",
                        "{\"access_token\":\"abc.DEF-123\",\"token_type\":" + value + ",\"id_token\":\"x\"}"));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(
                            UserId.parse(platform.customerUser), NewPassword.of(SecretValue.of("Correct-Horse-42!"))))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                        assertThat(e.getMessage()).contains("token_type");
                    });
        }
        assertThat(platform.passwordRequests()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"access_token\":\"abc.DEF-123\",\"access_token\":\"xyz.UVW-456\",\"token_type\":\"bearer\"}",
                "{\"access_token\":\"abc.DEF-123\",\"token_type\":\"bearer\",\"token_type\":\"mac\"}",
                "{'access_token':'abc.DEF-123','token_type':'bearer'}",
                "{\"access_token\":\"abc.DEF-123\",\"token_type\":\"bearer\"} {\"access_token\":\"x\"}",
            })
    void aTokenAnswerTwoReadersCouldReadDifferentlyIsAProtocolError(String body) {
        platform.simulator.enqueueFault("/api/2/idp/token", Fault.body(200, "application/json", body));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(
                            UserId.parse(platform.customerUser), NewPassword.of(SecretValue.of("Correct-Horse-42!"))))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                        assertThat(e.getMessage()).contains("the token answer is not a JSON object (strict JSON");
                        assertThat(e.getMessage()).doesNotContain("abc.DEF-123").doesNotContain("xyz.UVW-456");
                    });
        }
        assertThat(platform.passwordRequests()).isZero();
    }
}
