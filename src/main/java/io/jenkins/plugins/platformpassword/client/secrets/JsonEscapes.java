package io.jenkins.plugins.platformpassword.client.secrets;

/**
 * How a secret looks inside a JSON string, as a server that echoes a request may write it: the
 * forms {@link Redactor} replaces. Written with the same settings as the client's own mapper
 * (no HTML escaping), and again with every non-ASCII character escaped, as other servers do.
 */
public final class JsonEscapes {

    private JsonEscapes() {}

    /**
     * A JSON string literal's contents (without quotes), as Gson writes them with HTML escaping
     * off: quote, backslash and the control characters escaped, and U+2028 and U+2029, which
     * JavaScript does not allow in a string; everything else as it is. The client writes its
     * request bodies with this too, so what the redactor looks for is what was sent.
     */
    public static String escapeString(String value) {
        StringBuilder escaped = null;
        int copied = 0;
        for (int i = 0; i < value.length(); i++) {
            String escape = escapeOf(value.charAt(i));
            if (escape != null) {
                if (escaped == null) {
                    escaped = new StringBuilder(value.length() + 16);
                }
                escaped.append(value, copied, i).append(escape);
                copied = i + 1;
            }
        }
        return escaped == null
                ? value
                : escaped.append(value, copied, value.length()).toString();
    }

    private static String escapeOf(char c) {
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\f':
                return "\\f";
            case '\u2028':
                return "\\u2028";
            case '\u2029':
                return "\\u2029";
            default:
                return c < 0x20 ? String.format("\\u%04x", (int) c) : null;
        }
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
