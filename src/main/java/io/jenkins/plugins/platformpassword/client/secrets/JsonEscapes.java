package io.jenkins.plugins.platformpassword.client.secrets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * How a secret looks inside a JSON string, as a server that echoes a request may write it: the
 * forms {@link Redactor} replaces. Written with the same settings as the client's own mapper
 * (no HTML escaping), and again with every non-ASCII character escaped, as other servers do.
 */
public final class JsonEscapes {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private JsonEscapes() {}

    /** A JSON string literal's contents (without quotes). */
    public static String escapeString(String value) {
        String literal = GSON.toJson(value);
        return literal.substring(1, literal.length() - 1);
    }

    /** The same contents with every non-ASCII character as a {@code \\uXXXX} escape. */
    public static String escapeAsciiString(String value) {
        String escaped = escapeString(value);
        StringBuilder ascii = new StringBuilder(escaped.length());
        escaped.chars().forEach(c -> {
            if (c < 0x80) {
                ascii.append((char) c);
            } else {
                ascii.append(String.format("\\u%04x", c));
            }
        });
        return ascii.toString();
    }
}
