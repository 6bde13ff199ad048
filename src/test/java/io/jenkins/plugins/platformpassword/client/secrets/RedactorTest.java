package io.jenkins.plugins.platformpassword.client.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.*;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain-canary-123",
                "quote\"back\\slash",
                "ünïcödé-ключ-🔑",
                "spaces and+plus&amp;",
                "tab\tnew\nline"
            })
    void removesEveryFormInWhichASecretLeft(String secret) {
        Redactor redactor = Redactor.of(SecretValue.of(secret));
        String[] forms = {
            secret,
            JsonEscapes.escapeString(secret),
            JsonEscapes.escapeAsciiString(secret),
            URLEncoder.encode(secret, StandardCharsets.UTF_8),
            Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
            java.util.regex.Pattern.compile("\\\\u([0-9a-f]{4})")
                    .matcher(JsonEscapes.escapeAsciiString(secret))
                    .replaceAll(m -> "\\\\u" + m.group(1).toUpperCase(java.util.Locale.ROOT)),
            java.util.regex.Pattern.compile("%([0-9A-F]{2})")
                    .matcher(URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .replaceAll(m -> "%" + m.group(1).toLowerCase(java.util.Locale.ROOT)),
            secret.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;"),
        };
        for (String form : forms) {
            String redacted = redactor.redact("before " + form + " after");
            assertThat(redacted).doesNotContain(form).isEqualTo("before [redacted] after");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nothing secret here"})
    void leavesOtherTextAlone(String text) {
        assertThat(Redactor.of(SecretValue.of("canary")).redact(text)).isEqualTo(text);
    }
}
