package io.jenkins.plugins.platformpassword.client.secrets;

import java.util.Locale;

/**
 * Makes a value safe to embed in one line of a build log or a form message.
 *
 * <p>A login, a tenant id or anything else a server sent may hold a line break (CR, LF, NEL,
 * U+2028, U+2029) that would print a fake line such as {@code [Pipeline] ...} into the log, or a
 * bidi control that makes the line read differently from what it says. Every value quoted into a
 * message goes through {@link #value}, which writes such characters as visible escapes; texts
 * quoted whole (error bodies, exception messages) go through {@link #prose}, which folds them
 * into spaces.
 */
public final class LogText {

    /** A longer value is cut: no login or id is this long, and a megabyte of it would flood the log. */
    static final int MAX_VALUE_CHARS = 200;

    private LogText() {}

    /**
     * The value with every line break, control and format character (bidi controls, zero-width
     * characters, byte order marks) and every unpaired surrogate written as a visible escape
     * (backslash-n, or backslash-u and four hex digits), cut to {@value #MAX_VALUE_CHARS}
     * characters. Null stays null.
     */
    public static String value(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE_CHARS) + 8);
        int shown = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (shown == MAX_VALUE_CHARS) {
                return out.append("...").toString();
            }
            if (isUnsafe(cp)) {
                out.append(escape(cp));
            } else {
                out.appendCodePoint(cp);
            }
            shown++;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * A text on one line: runs of whitespace, line breaks, control and format characters become
     * one space, and the ends are trimmed. For quoting whole bodies and messages, where an escape
     * for every line break would only be noise.
     */
    static String prose(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || isUnsafe(cp)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    /** Whether a character can end a log line, hide itself, or reorder the text around it. */
    static boolean isUnsafe(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static String escape(int codePoint) {
        return switch (codePoint) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                codePoint > 0xFFFF
                        ? String.format(Locale.ROOT, "\\u{%X}", codePoint)
                        : String.format(Locale.ROOT, "\\u%04X", codePoint);
        };
    }
}
