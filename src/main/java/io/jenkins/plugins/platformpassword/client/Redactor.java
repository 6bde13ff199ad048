package io.jenkins.plugins.platformpassword.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes known secrets from text that came back from the network before it reaches a message.
 *
 * <p>A server, proxy or gateway may echo what it received: the form body of a token request, the
 * JSON body with the new password, an Authorization header in an HTML error page. So every
 * representation in which a secret left this process is searched for: the raw value, its JSON
 * string escape, its form/URL encoding, and its Base64 (the Basic header value is added by the
 * caller as a secret of its own).
 */
final class Redactor {

    static final String REPLACEMENT = "[redacted]";

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
            forms.add(Json.escapeString(raw));
            forms.add(Json.escapeAsciiString(raw));
            forms.add(URLEncoder.encode(raw, StandardCharsets.UTF_8));
            forms.add(URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20"));
            forms.add(Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        }
        List<String> ordered = new ArrayList<>(forms);
        // Longest first, so that a form containing another is replaced whole.
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(ordered));
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
