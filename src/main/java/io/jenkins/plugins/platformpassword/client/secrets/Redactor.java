package io.jenkins.plugins.platformpassword.client.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces whole secrets, in the common forms in which they left this process, in text that came
 * back from the network, so that an error message which quotes one stays readable around it.
 *
 * <p>This is a courtesy, not the protection: a list of forms always misses one, and a secret cut
 * short or split across a line break matches none. What protects is {@link SecretScreen}, which
 * {@link UntrustedText} applies after this: any part of a secret left, in any encoding, and the
 * text is not quoted at all.
 */
public final class Redactor {

    public static final String REPLACEMENT = "[redacted]";

    private final List<String> forms;

    private Redactor(List<String> forms) {
        this.forms = forms;
    }

    static Redactor of(SecretValue... secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (SecretValue secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            String raw = secret.reveal();
            forms.add(raw);
            forms.add(JsonEscapes.escapeString(raw));
            forms.add(JsonEscapes.escapeAsciiString(raw));
            forms.add(upperCaseHexEscapes(JsonEscapes.escapeAsciiString(raw)));
            String formEncoded = URLEncoder.encode(raw, StandardCharsets.UTF_8);
            forms.add(formEncoded);
            forms.add(formEncoded.replace("+", "%20"));
            forms.add(lowerCasePercentEscapes(formEncoded));
            forms.add(lowerCasePercentEscapes(formEncoded.replace("+", "%20")));
            forms.add(htmlEscape(raw));
            forms.add(Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        }
        List<String> ordered = new ArrayList<>(forms);
        // Longest first, so that a form containing another is replaced whole.
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(ordered));
    }

    /** {@code \u00e9} as {@code \u00E9}: JSON writers differ in the case of their hex digits. */
    private static String upperCaseHexEscapes(String escaped) {
        return Pattern.compile("\\\\u([0-9a-f]{4})")
                .matcher(escaped)
                .replaceAll(m -> "\\\\u" + m.group(1).toUpperCase(Locale.ROOT));
    }

    /** {@code %C3%A9} as {@code %c3%a9}: both are valid percent-encoding. */
    private static String lowerCasePercentEscapes(String encoded) {
        return Pattern.compile("%([0-9A-F]{2})")
                .matcher(encoded)
                .replaceAll(m -> "%" + m.group(1).toLowerCase(Locale.ROOT));
    }

    /** As an HTML error page of a proxy would quote it. */
    private static String htmlEscape(String raw) {
        return raw.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String form : forms) {
            result = result.replace(form, REPLACEMENT);
        }
        return result;
    }
}
