package io.jenkins.plugins.platformpassword.client.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jenkins.plugins.platformpassword.client.*;
import io.jenkins.plugins.platformpassword.client.secrets.JsonEscapes;
import io.jenkins.plugins.platformpassword.client.secrets.Redactor;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordScreeningTest {

    private static final String CHECK_PATH = "/api/2/users/check_password";

    /** Non-ASCII and JSON metacharacters, so that every encoding of it differs from the others. */
    private final String canary = "CANARY-\u00fc\u20ac-\ud83d\udd11-\"q\\-" + UUID.randomUUID();

    private final SimulatedPlatform platform = new SimulatedPlatform();
    private final PlatformClient client = platform.client();
    private final PasswordScreening screening = new PasswordScreening();

    @AfterEach
    void close() {
        client.close();
        platform.close();
    }

    // ---- compromised passwords ----

    @Test
    void reportsAPasswordTheSimulatorKnowsAsCompromised() throws PlatformException {
        assertThat(screening.isCompromised(client, password("Password123!"))).isTrue();
        assertThat(screening.isCompromised(client, password("123456789"))).isTrue();
    }

    @Test
    void reportsAPasswordMarkedCompromised() throws PlatformException {
        assertThat(screening.isCompromised(client, password(canary))).isFalse();
        platform.simulator.markCompromised(canary);
        assertThat(screening.isCompromised(client, password(canary))).isTrue();
    }

    @Test
    void doesNotReportARandomPassword() throws PlatformException {
        SecretValue random = new PasswordGenerator().generate(List.of());
        assertThat(screening.isCompromised(client, NewPassword.of(random))).isFalse();
        screening.requireNotCompromised(client, NewPassword.of(random));
    }

    @Test
    void sendsExactlyTheUpperCaseSha1HexWithoutATokenOrThePassword() throws Exception {
        screening.isCompromised(client, password(canary));

        List<RecordedRequest> requests = platform.simulator.requests();
        assertThat(requests).hasSize(1);
        RecordedRequest request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(CHECK_PATH);
        String expectedHex = sha1Hex(canary);
        assertThat(expectedHex).matches("[0-9A-F]{40}");
        assertThat(request.bodyAsString()).isEqualTo("{\"password\":\"" + expectedHex + "\"}");
        JsonObject body = JsonParser.parseString(request.bodyAsString()).getAsJsonObject();
        assertThat(body.keySet()).containsExactly("password");
        assertThat(body.get("password").getAsString()).isEqualTo(expectedHex);
        assertThat(request.header("Authorization")).isEmpty();
        assertThat(request.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .doesNotContain(canary)
                .doesNotContain("CANARY");
        assertThat(platform.tokenRequests())
                .as("no token is fetched for this endpoint")
                .isZero();
    }

    @Test
    void refusesACompromisedPasswordWithARejectedFailureThatNamesNoSecret() {
        platform.simulator.markCompromised(canary);
        PlatformException failure = catchThrowableOfType(
                PlatformException.class, () -> screening.requireNotCompromised(client, password(canary)));
        assertThat(failure.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(failure.getMessage()).contains("compromised", "choose another one", "Nothing was changed");
        assertThat(failure.httpStatus()).isEmpty();
        assertNoSecretIn(failure);
    }

    @Test
    void redactsTheHashAndThePasswordWhenTheAnswerEchoesThem() {
        String hex = sha1Hex(canary);
        String echo = "{\"error\":{\"code\":400,\"domain\":\"PlatformAccountServer\",\"message\":\"bad hash " + hex
                + "\"," + "\"details\":{\"info\":\"got " + hex.toLowerCase(Locale.ROOT) + " for " + jsonEscaped(canary)
                + "\"}}}";
        platform.simulator.enqueueFault(CHECK_PATH, Fault.body(400, "application/json", echo));
        PlatformException failure =
                catchThrowableOfType(PlatformException.class, () -> screening.isCompromised(client, password(canary)));
        assertThat(failure.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(failure.getMessage()).contains("bad hash " + Redactor.REPLACEMENT, "got " + Redactor.REPLACEMENT);
        assertNoSecretIn(failure);
    }

    @Test
    void redactsAnEchoInAProxyPage() {
        String hex = sha1Hex(canary);
        platform.simulator.enqueueFault(
                CHECK_PATH, Fault.body(502, "text/html", "<html>upstream got " + hex + "</html>"));
        platform.simulator.enqueueFault(
                CHECK_PATH, Fault.body(502, "text/html", "<html>upstream got " + hex + "</html>"));
        platform.simulator.enqueueFault(
                CHECK_PATH, Fault.body(502, "text/html", "<html>upstream got " + hex + "</html>"));
        PlatformException failure =
                catchThrowableOfType(PlatformException.class, () -> screening.isCompromised(client, password(canary)));
        assertThat(failure.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(failure.bodyExcerpt())
                .hasValueSatisfying(excerpt -> assertThat(excerpt).doesNotContain(hex));
        assertNoSecretIn(failure);
    }

    @Test
    void isRetriedLikeEveryOtherCallOfTheClient() throws PlatformException {
        platform.simulator.markCompromised(canary);
        platform.simulator.enqueueFault(CHECK_PATH, Fault.status(503));
        assertThat(screening.isCompromised(client, password(canary))).isTrue();
        assertThat(platform.simulator.requestCount("POST", CHECK_PATH)).isEqualTo(2);
    }

    @Test
    void refusesAnAnswerWithoutABooleanVerdict() {
        for (String body :
                new String[] {"{\"compromised\":\"false\"}", "{}", "{\"compromised\":null}", "[false]", "false"}) {
            platform.simulator.enqueueFault(CHECK_PATH, Fault.body(200, "application/json", body));
            PlatformException failure = catchThrowableOfType(
                    PlatformException.class, () -> screening.isCompromised(client, password(canary)));
            assertThat(failure.kind()).as(body).isEqualTo(FailureKind.PROTOCOL);
            assertNoSecretIn(failure);
        }
    }

    @Test
    void refusesAVerdictGivenTwiceWhicheverComesLast() {
        for (String body : new String[] {
            "{\"compromised\":true,\"compromised\":false}", "{\"compromised\":false,\"compromised\":true}"
        }) {
            platform.simulator.enqueueFault(CHECK_PATH, Fault.body(200, "application/json", body));
            PlatformException failure = catchThrowableOfType(
                    PlatformException.class, () -> screening.isCompromised(client, password(canary)));
            assertThat(failure.kind()).as(body).isEqualTo(FailureKind.PROTOCOL);
            assertThat(failure.getMessage()).as(body).contains("no member name twice");
            assertNoSecretIn(failure);
        }
    }

    @Test
    void theOperationShowsNoSecret() {
        CompromisedPasswordCheck check = new CompromisedPasswordCheck(platform.endpoint(), password(canary));
        assertThat(check.toString())
                .doesNotContain(canary)
                .doesNotContain(sha1Hex(canary))
                .doesNotContain(sha1Hex(canary).toLowerCase(Locale.ROOT));
        assertThat(check.action()).doesNotContain(canary).doesNotContain(sha1Hex(canary));
        assertThat(check.secrets())
                .extracting(SecretValue::reveal)
                .contains(sha1Hex(canary), sha1Hex(canary).toLowerCase(Locale.ROOT), canary);
    }

    // ---- length ----

    @Test
    void refusesEightCharactersAndAcceptsNine() {
        assertThatThrownBy(() -> PasswordScreening.checkLength(password("abcdefgh")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(NewPassword.FIELD);
                    assertThat(e.problem())
                            .contains("has 8 characters", "at least 9")
                            .doesNotContain("abcdefgh");
                });
        PasswordScreening.checkLength(password("abcdefghi"));
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        String eightEmoji = "\ud83d\udd11".repeat(8);
        assertThat(eightEmoji).hasSize(16);
        assertThatThrownBy(() -> PasswordScreening.checkLength(password(eightEmoji)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problem()).contains("has 8 characters").doesNotContain("\ud83d\udd11");
                });
        PasswordScreening.checkLength(password("\ud83d\udd11".repeat(9)));
        PasswordScreening.checkLength(password("\u00fc\u20ac\ud83d\udd12abcdef"));
    }

    @Test
    void aShortCanaryNeverAppearsInTheLengthFailure() {
        String shortCanary = "C\u00e5n\ud83d\udca5\"\\ry";
        InvalidInputException failure = catchThrowableOfType(
                InvalidInputException.class, () -> PasswordScreening.checkLength(password(shortCanary)));
        assertThat(failure.getMessage()).contains("has 8 characters");
        assertThat(stackTraceOf(failure)).doesNotContain(shortCanary).doesNotContain(jsonEscaped(shortCanary));
    }

    @Test
    void theMinimumIsTheSimulatorsPolicy() {
        assertThat(PasswordScreening.MIN_LENGTH).isEqualTo(9).isEqualTo(PasswordGenerator.MIN_LENGTH);
    }

    // ---- helpers ----

    private static NewPassword password(String value) {
        return NewPassword.of(SecretValue.of(value));
    }

    private void assertNoSecretIn(Throwable failure) {
        String hex = sha1Hex(canary);
        String everything = stackTraceOf(failure) + failure;
        assertThat(everything)
                .doesNotContain(canary)
                .doesNotContain(jsonEscaped(canary))
                .doesNotContain("CANARY")
                .doesNotContain(hex)
                .doesNotContain(hex.toLowerCase(Locale.ROOT));
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String jsonEscaped(String text) {
        return JsonEscapes.escapeString(text);
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
