package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.client.users.Diagnosis;
import io.jenkins.plugins.platformpassword.client.users.UserDirectory;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A value quoted into a message (a login, a client id, a tenant id or an error text from the
 * server) must not be able to print a line of its own into the build log, nor turn the line
 * around with bidi controls: every such character reaches the message escaped or folded, and
 * what the value says stays readable.
 */
class LogForgingTest {

    /** Writes JSON string literals as the platform would, HTML escaping off. */
    private static final Gson JSON_STRING =
            new GsonBuilder().disableHtmlEscaping().create();

    /** Line breaks of every kind, then a line that looks like Jenkins' own. */
    private static final String[] BREAKS = {"\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029", "\u000b", "\u000c"};

    private static final String FORGED = "[Pipeline] echo forged";

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    static void assertOneSafeLine(String text) {
        assertThat(text.codePoints().filter(LogForgingTest::forges).mapToObj(Integer::toHexString))
                .as("line breaks, controls and bidi characters in: %s", text)
                .isEmpty();
    }

    private static boolean forges(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void aLoginSearchedForCannotForgeALine(int which) {
        String login = "bob" + BREAKS[which] + FORGED + "\u202e";
        try (PlatformClient client = platform.client()) {
            PlatformException failure =
                    catchThrowableOfType(PlatformException.class, () -> new UserDirectory(client).resolveLogin(login));

            assertThat(failure.kind()).isEqualTo(FailureKind.NOT_FOUND);
            assertOneSafeLine(failure.getMessage());
            assertThat(failure.getMessage()).contains(FORGED);
        }
    }

    @Test
    void aLoginThePlatformSendsCannotForgeALine() throws Exception {
        String user = platform.simulator.addUser(platform.customerTenant, "eve\n" + FORGED + "\u2028\u202e\u2066");
        try (PlatformClient client = platform.client()) {
            Diagnosis diagnosis = new UserDirectory(client).diagnose(UserId.parse(user));

            assertThat(diagnosis.allowsChange()).isTrue();
            assertOneSafeLine(diagnosis.explain());
            assertThat(diagnosis.explain()).contains("eve\\n" + FORGED);
        }
    }

    @Test
    void aClientIdCannotForgeALine() {
        // API client ids are UUIDs: one with a line break is refused before it can reach a console line.
        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> new ApiClientCredentials("client\r\n" + FORGED, SecretValue.of(platform.apiClient.secret())));

        assertThat(refused.field()).isEqualTo(ApiClientCredentials.FIELD);
        assertOneSafeLine(refused.getMessage());
        assertThat(refused).hasMessageNotContaining(FORGED);
    }

    @Test
    void anErrorTextOfThePlatformCannotForgeALineOrTurnItAround() {
        platform.simulator.enqueueFault(
                "/api/2/users/",
                Fault.body(
                        400,
                        "application/json",
                        "{\"error\":{\"code\":\"1027\u2028" + FORGED + "\",\"domain\":\"Platform\u202eAccount\","
                                + "\"message\":\"Weak\u0085" + FORGED
                                + "\u2066\",\"details\":{\"info\":\"x\u200b\u061cy\"}}}"));
        platform.simulator.enqueueFault(
                "/api/2/users/", Fault.body(400, "text/html", "<p>a\u202eb\u2028" + FORGED + "</p>"));
        try (PlatformClient client = platform.client()) {
            for (int i = 0; i < 2; i++) {
                PlatformException failure = catchThrowableOfType(
                        PlatformException.class,
                        () -> client.changePassword(
                                UserId.parse(platform.customerUser),
                                NewPassword.of(SecretValue.of("Correct-Horse-42!"))));
                assertThat(failure.kind()).isEqualTo(FailureKind.REJECTED);
                assertOneSafeLine(failure.getMessage());
                failure.platformError().ifPresent(said -> assertOneSafeLine(said.toString()));
                failure.bodyExcerpt().ifPresent(LogForgingTest::assertOneSafeLine);
            }
        }
    }

    @Test
    void aTenantIdFromAnAnswerCannotForgeALine() {
        String tenant = "t-1\r\n" + FORGED;
        try (HostileServer server = HostileServer.start(request -> {
                    if (request.target().endsWith("/idp/token")) {
                        return HostileServer.json(200, "{\"access_token\":\"tok-123\",\"token_type\":\"bearer\"}");
                    }
                    if (request.target().contains("/clients/")) {
                        return HostileServer.json(200, "{\"tenant_id\":" + JSON_STRING.toJson(tenant) + "}");
                    }
                    return HostileServer.json(200, "{\"items\":[]}");
                });
                PlatformClient client = new PlatformClient(
                        server.endpoint(),
                        new ApiClientCredentials(
                                "6c36b9d2-2b6e-4bd6-9f0e-0d2f4e1c8a41", SecretValue.of("secret-of-the-client")),
                        platform.settings().withDeadline(Duration.ofSeconds(5)),
                        new TokenCache(),
                        null)) {
            PlatformException failure =
                    catchThrowableOfType(PlatformException.class, () -> new UserDirectory(client).resolveLogin("jdoe"));

            // A tenant id that is not a UUID is refused as a protocol error, and never quoted.
            assertThat(failure.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertOneSafeLine(failure.getMessage());
            assertThat(failure.getMessage()).contains("tenant_id").doesNotContain(FORGED);
        }
    }
}
