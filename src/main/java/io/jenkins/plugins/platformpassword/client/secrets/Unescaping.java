package io.jenkins.plugins.platformpassword.client.secrets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Undoes one layer of the text escapes a server may put around what it echoes: JSON and
 * JavaScript backslash escapes, HTML character references (numeric in hex or decimal, and the
 * common named ones), and percent-encoding (also JavaScript's {@code %uXXXX}). All three in one
 * pass, because an echo may mix them; applied repeatedly by {@link DecodedViews} for nested
 * layers such as double-escaped JSON. Lenient: anything that is not a well-formed escape stays.
 */
final class Unescaping {

    private Unescaping() {}

    static String once(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf('&') < 0 && text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int used =
                    switch (c) {
                        case '\\' -> backslash(text, i, out);
                        case '&' -> entity(text, i, out);
                        case '%' -> percent(text, i, out);
                        default -> 0;
                    };
            if (used == 0) {
                out.append(c);
                i++;
            } else {
                i += used;
            }
        }
        return out.toString();
    }

    /** Appends what the escape at {@code i} stands for and returns its length, or 0 when there is none. */
    private static int backslash(String text, int i, StringBuilder out) {
        if (i + 1 >= text.length()) {
            return 0;
        }
        char d = text.charAt(i + 1);
        switch (d) {
            case 'u':
                return hexChar(text, i + 2, 4, out) ? 6 : 0;
            case 'x':
                return hexChar(text, i + 2, 2, out) ? 4 : 0;
            case 'n':
            case 'r':
            case 't':
            case 'b':
            case 'f':
                out.append(' ');
                return 2;
            case '/':
            case '"':
            case '\'':
            case '\\':
                out.append(d);
                return 2;
            default:
                return 0;
        }
    }

    private static final String[][] NAMED = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", " "}
    };

    private static int entity(String text, int i, StringBuilder out) {
        for (String[] named : NAMED) {
            if (text.startsWith(named[0], i)) {
                out.append(named[1]);
                return named[0].length();
            }
        }
        if (!text.startsWith("&#", i)) {
            return 0;
        }
        boolean hex = i + 2 < text.length() && (text.charAt(i + 2) == 'x' || text.charAt(i + 2) == 'X');
        int start = i + (hex ? 3 : 2);
        int end = start;
        while (end < text.length() && end - start < 8 && Character.digit(text.charAt(end), hex ? 16 : 10) >= 0) {
            end++;
        }
        if (end == start) {
            return 0;
        }
        int codePoint;
        try {
            codePoint = Integer.parseInt(text.substring(start, end), hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return 0;
        }
        if (!Character.isValidCodePoint(codePoint)) {
            return 0;
        }
        out.appendCodePoint(codePoint);
        // The semicolon is optional in old HTML, and often dropped by hand-written pages.
        return end - i + (end < text.length() && text.charAt(end) == ';' ? 1 : 0);
    }

    /** A run of {@code %XX} bytes decodes together, so that multi-byte UTF-8 characters come out whole. */
    private static int percent(String text, int i, StringBuilder out) {
        if (text.startsWith("%u", i) || text.startsWith("%U", i)) {
            return hexChar(text, i + 2, 4, out) ? 6 : 0;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int at = i;
        while (at < text.length() && text.charAt(at) == '%' && isHex(text, at + 1, 2)) {
            bytes.write(Integer.parseInt(text.substring(at + 1, at + 3), 16));
            at += 3;
        }
        if (bytes.size() == 0) {
            return 0;
        }
        out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        return at - i;
    }

    private static boolean hexChar(String text, int start, int digits, StringBuilder out) {
        if (!isHex(text, start, digits)) {
            return false;
        }
        out.append((char) Integer.parseInt(text.substring(start, start + digits), 16));
        return true;
    }

    private static boolean isHex(String text, int start, int digits) {
        if (start + digits > text.length()) {
            return false;
        }
        for (int k = start; k < start + digits; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
