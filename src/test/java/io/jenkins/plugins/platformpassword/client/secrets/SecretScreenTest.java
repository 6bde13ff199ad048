package io.jenkins.plugins.platformpassword.client.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.*;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule for text from the network, without the network: every secret the client sends, in
 * every form of {@link CanaryForms}, whole, split across a line break and cut short, inside an
 * error page, is never quoted; ordinary error texts still are.
 */
class SecretScreenTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String CLIENT_ID = "3f1e2d4c-5b6a-4789-9abc-def012345678";
    private static final String CLIENT_SECRET = HexFormat.of().formatHex(bytes(16)); // the platform's shape
    private static final String CANARY_SECRET =
            "cs=CANARY/~\"<&'+ \u00e9\u20ac\ud83d\udd11-" + HexFormat.of().formatHex(bytes(6));
    private static final String TOKEN = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32)) + ".~+/";
    private static final String PASSWORD =
            "pw=CANARY/~\"<&'+ \u0436\u05d0\ud83d\udd12 " + HexFormat.of().formatHex(bytes(6));
    private static final String WORDS_PASSWORD = "correct horse battery staple";

    /** The secrets of a password change, as {@code PlatformClient} hands them to the rule. */
    private static final List<SecretValue> SECRETS = List.of(
            SecretValue.of(CLIENT_SECRET),
            SecretValue.of(CANARY_SECRET),
            SecretValue.of(basic(CLIENT_SECRET)),
            SecretValue.of(basic(CANARY_SECRET)),
            SecretValue.of(TOKEN),
            SecretValue.of(PASSWORD),
            SecretValue.of(WORDS_PASSWORD),
            SecretValue.of(sha1(PASSWORD)));

    private final UntrustedText untrusted = UntrustedText.of(SECRETS);

    static List<CanaryForms.Echo> everyEcho() {
        Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
        secrets.put("client secret", CanaryForms.forms(CLIENT_SECRET, Map.of()));
        secrets.put("canary client secret", CanaryForms.forms(CANARY_SECRET, Map.of()));
        secrets.put("basic header", CanaryForms.forms(basic(CANARY_SECRET), Map.of()));
        secrets.put("token", CanaryForms.forms(TOKEN, CanaryForms.base64Of("bearer-header", "Bearer " + TOKEN)));
        secrets.put(
                "password",
                CanaryForms.forms(PASSWORD, CanaryForms.base64Of("json-body", Json.oneMember("password", PASSWORD))));
        secrets.put("password of words", CanaryForms.forms(WORDS_PASSWORD, Map.of()));
        secrets.put("sha-1 of the password", CanaryForms.forms(sha1(PASSWORD), Map.of()));
        List<CanaryForms.Echo> echoes = new ArrayList<>();
        secrets.forEach((name, forms) -> CanaryForms.echoes(forms, true)
                .forEach(echo ->
                        echoes.add(new CanaryForms.Echo(name + ": " + echo.form(), echo.variant(), echo.text()))));
        return echoes;
    }

    @Test
    void everyEchoIsTried() {
        assertThat(everyEcho()).hasSizeGreaterThanOrEqualTo(7 * 18 * 3);
    }

    /**
     * Either the page is not quoted at all, or what is quoted holds no run of the echo and none
     * of any secret: a whole secret in a known form is replaced, and then the rest may be quoted.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEcho")
    void anEchoInAnyFormIsNotQuoted(CanaryForms.Echo echo) {
        String page =
                "<html><body><h1>400 Bad Request</h1><p>You sent:</p><pre>" + echo.text() + "</pre></body></html>";
        String json = "{\"message\": \"" + echo.text().replace("\r\n", "\\r\\n") + "\"}";

        for (String text : List.of(page, json)) {
            String quoted = untrusted.quoted(text);
            for (String piece : echo.pieces()) {
                assertThat(EchoedSecretTest.firstRunIn(piece, quoted))
                        .as("a run of the echo in %s", quoted)
                        .isNull();
            }
            for (SecretValue secret : SECRETS) {
                assertThat(EchoedSecretTest.firstRunIn(secret.reveal(), quoted))
                        .as("a secret in %s", quoted)
                        .isNull();
            }
            if (!echo.variant().equals("whole")) {
                assertThat(quoted).as("a part is never replaced, only withheld").isEqualTo(UntrustedText.WITHHELD);
            }
        }
    }

    @Test
    void aSecretSplitByMarkupOrCutShortIsFound() {
        String half = PASSWORD.substring(0, PASSWORD.length() / 2);
        assertThat(untrusted.quotable("start " + half + "<br/>\n" + PASSWORD.substring(half.length()) + " end"))
                .isNull();
        assertThat(untrusted.quotable("only " + TOKEN.substring(0, SecretScreen.FRAGMENT) + " of it"))
                .as("the shortest fragment that counts")
                .isNull();
        // Fenced by a character no token has: the screen drops the spaces, so with them the seven characters and
        // the "o" of "of" would be eight of the token whenever its eighth character happens to be an o (1 in 32).
        assertThat(untrusted.quotable("only !" + TOKEN.substring(0, SecretScreen.FRAGMENT - 1) + "! of it"))
                .as("one character less does not count")
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
                        + "<hr><center>nginx/1.25.3</center></body></html>",
                "Password can be changed only for user accounts located in sub-tenants.",
                "It is prohibited to delete a non-disabled tenant. Tenant 1415032 of 6a2f51b4-0e9d-4d43-9c0d-8b5b4c1d2e3f",
                "the connection to eu2-cloud.example.com:443 failed (IOException: HTTP/1.1 header parser received no bytes)",
                "Invalid status line: \"HTTP/1.1 4O1 refused by the gateway\"",
                "fixed content-length: 2048, bytes received: 1024",
                "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find "
                        + "valid certification path to requested target",
                "{\"error\":\"access_denied\",\"error_description\":\"Client authentication failed.\"}",
                "<!DOCTYPE html><html><body><p>Request ID: 7f3c9a1e0b2d4c6f8a9b0c1d2e3f4a5b</p>"
                        + "<p>Trace: dGhpcyBpcyBhIGhhcm1sZXNzIHRyYWNlIGlk</p></body></html>",
                "text/html; charset=utf-8"
            })
    void ordinaryErrorTextsAreStillQuoted(String text) {
        assertThat(untrusted.quotable(text)).isEqualTo(LogText.prose(text));
    }

    @Test
    void aWholeSecretIsReplacedAndTheRestQuoted() {
        assertThat(untrusted.quotable("Password " + PASSWORD + " is too weak."))
                .isEqualTo("Password " + Redactor.REPLACEMENT + " is too weak.");
    }

    @Test
    void textBeyondTheBudgetCountsAsAnEcho() {
        // Two megabytes of Base64: every run decodes at four alignments, far past the budget.
        String huge = Base64.getEncoder().encodeToString(bytes(1_500_000));
        long started = System.nanoTime();

        assertThat(untrusted.repeatsSecret(huge)).isTrue();
        assertThat(System.nanoTime() - started)
                .as("the budget bounds the work")
                .isLessThan(java.time.Duration.ofSeconds(10).toNanos());
    }

    @Test
    void aFullSizeBodyWithoutSecretsIsQuoted() {
        String body = Base64.getEncoder().encodeToString(bytes(48 * 1024)); // 64 KiB of Base64: the worst ordinary case
        assertThat(untrusted.repeatsSecret(body)).isFalse();
    }

    @Test
    void secretsTooShortToScreenAreLeftToTheRedactor() {
        UntrustedText tiny = UntrustedText.of(List.of(SecretValue.of("abc")));
        assertThat(tiny.quotable("abcdef and more")).isEqualTo(Redactor.REPLACEMENT + "def and more");
        assertThat(tiny.repeatsSecret("a b c")).isFalse();
    }

    private static String basic(String secret) {
        String pair = java.net.URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":"
                + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
