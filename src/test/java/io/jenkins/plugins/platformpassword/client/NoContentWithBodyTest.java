package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A gateway that adds a body header to the platform's 204 (RFC 9110 forbids it; the JDK refuses
 * the answer). The change has happened: it is reported as done, and never sent a second time.
 */
class NoContentWithBodyTest {

    private static final String CLIENT_ID = UUID.randomUUID().toString();
    private static final String USER = UUID.randomUUID().toString();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HTTP/1.1 204 No Content\r\nContent-Length: 2\r\nKeep-Alive: timeout=5\r\n\r\n{}",
                "HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\nKeep-Alive: timeout=5\r\n\r\n0\r\n\r\n",
            })
    void aNoContentAnswerThatDeclaresABodyIsTheChangeDoneOnce(String answer) throws Exception {
        try (HostileServer server =
                        HostileServer.start(request -> request.target().endsWith("/idp/token")
                                ? HostileServer.json(200, "{\"access_token\":\"t0ken\",\"token_type\":\"bearer\"}")
                                : HostileServer.raw(answer));
                PlatformClient client = new PlatformClient(
                        server.endpoint(),
                        new ApiClientCredentials(CLIENT_ID, SecretValue.of("Client-Secret-Canary")),
                        ClientSettings.defaults()
                                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                                .withRetryPolicy(
                                        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO)),
                        new TokenCache(),
                        null)) {
            ChangeOutcome outcome =
                    client.changePassword(UserId.parse(USER), NewPassword.of(SecretValue.of("New-Passw0rd-for-test")));

            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(server.requestsTo("/password")).isEqualTo(1);
            // Every request asks for an uncoded answer, so that a refusal's body stays readable.
            assertThat(server.requests())
                    .hasSize(2)
                    .allSatisfy(request ->
                            assertThat(request.header("Accept-Encoding")).isEqualTo("identity"));
        }
    }
}
