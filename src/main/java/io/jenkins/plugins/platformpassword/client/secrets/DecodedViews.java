package io.jenkins.plugins.platformpassword.client.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Everything a text may say once the encodings a server could have applied to an echo are
 * undone: the text as received and, layer upon layer, what its escapes, character references and
 * percent-encoding ({@link Unescaping}), its markup, its runs of Base64 (standard or URL-safe,
 * padded or not, at any alignment, across line breaks) and hex, and UTF-8 misread as Latin-1
 * decode to. The {@link SecretScreen} looks for secrets in every view, so that no encoding, and
 * no combination of them up to the depths below, hides one.
 *
 * <p>Decoded views are only searched, never shown. The work is bounded; a text that would take
 * more than the budget counts as a match, which errs on the side of not quoting it.
 */
final class DecodedViews {

    /** Text layers undone in a row: double-escaped JSON inside an HTML page needs three. */
    private static final int TEXT_LAYERS = 4;
    /** Binary layers: Base64 of a Basic header is Base64 inside Base64. */
    private static final int BINARY_LAYERS = 2;
    /** 12 Base64 characters carry 9 bytes, more than the screen's shortest fragment. */
    private static final int SHORTEST_BASE64_RUN = 12;

    private static final int SHORTEST_HEX_RUN = 16;
    /**
     * Characters examined per text at most. 64 KiB of random Base64, the largest body quoted, takes
     * 2.8 to 3.7 million (1,500 samples), now and then more; twice that keeps such a body quotable.
     */
    static final long BUDGET = 8_000_000;

    private static final Pattern MARKUP = Pattern.compile("<[^<>]{0,256}>");

    private final Predicate<String> test;
    private final Set<String> seen = new HashSet<>();
    private long spent;

    private DecodedViews(Predicate<String> test) {
        this.test = test;
    }

    /** Whether {@code test} holds for any view of the text, or the views would exceed the budget. */
    static boolean anyMatch(String text, Predicate<String> test) {
        return new DecodedViews(test).explore(text, 0);
    }

    private boolean explore(String text, int binaryDepth) {
        // Markup removed: a secret split by <br> is joined again. A '+' read as a space: form encoding.
        List<String> starts =
                List.of(text, MARKUP.matcher(text).replaceAll(""), utf8ReadAsLatin1(text), text.replace('+', ' '));
        for (String start : starts) {
            if (seen.add(start) && unescapeLayers(start, binaryDepth)) {
                return true;
            }
        }
        return false;
    }

    private boolean unescapeLayers(String text, int binaryDepth) {
        String current = text;
        for (int layer = 0; layer <= TEXT_LAYERS; layer++) {
            if (matches(current)) {
                return true;
            }
            if (binaryDepth < BINARY_LAYERS) {
                for (String decoded : binaryRuns(current)) {
                    if (explore(decoded, binaryDepth + 1)) {
                        return true;
                    }
                }
            }
            String next = Unescaping.once(current);
            if (next.equals(current)) {
                return false;
            }
            current = next;
        }
        return false;
    }

    private boolean matches(String view) {
        spent += view.length();
        return spent > BUDGET || test.test(view);
    }

    /** What the text's Base64 and hex runs decode to, at every alignment; line breaks and invisible characters inside a run are ignored. */
    private List<String> binaryRuns(String text) {
        String compact = SecretScreen.withoutInvisibles(text);
        List<String> decoded = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= compact.length(); i++) {
            boolean inRun = i < compact.length() && base64Value(compact.charAt(i)) >= 0;
            if (inRun && start < 0) {
                start = i;
            } else if (!inRun && start >= 0) {
                String run = compact.substring(start, i);
                if (run.length() >= SHORTEST_BASE64_RUN) {
                    for (int offset = 0; offset < 4; offset++) {
                        decoded.add(utf8(base64(run, offset)));
                    }
                }
                hexRuns(run, decoded);
                start = -1;
            }
        }
        decoded.forEach(view -> spent += view.length());
        return decoded;
    }

    private static void hexRuns(String run, List<String> decoded) {
        int start = -1;
        for (int i = 0; i <= run.length(); i++) {
            boolean hex = i < run.length() && Character.digit(run.charAt(i), 16) >= 0 && run.charAt(i) < 0x80;
            if (hex && start < 0) {
                start = i;
            } else if (!hex && start >= 0) {
                if (i - start >= SHORTEST_HEX_RUN) {
                    for (int offset = 0; offset < 2; offset++) {
                        decoded.add(utf8(hex(run.substring(start + offset, i))));
                    }
                }
                start = -1;
            }
        }
    }

    private static int base64Value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
    }

    /** Decodes from {@code offset} on, four characters to three bytes; a trailing partial group gives what it holds. */
    private static byte[] base64(String run, int offset) {
        int chars = run.length() - offset;
        byte[] out = new byte[chars * 3 / 4];
        int bits = 0;
        int count = 0;
        int n = 0;
        for (int i = offset; i < run.length(); i++) {
            bits = (bits << 6) | base64Value(run.charAt(i));
            count += 6;
            if (count >= 8) {
                count -= 8;
                out[n++] = (byte) (bits >> count);
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static byte[] hex(String digits) {
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Text whose UTF-8 bytes were read one byte per character, as a header often is: each such run read again as UTF-8. */
    private static String utf8ReadAsLatin1(String text) {
        if (text.chars().noneMatch(c -> c >= 0x80 && c <= 0xFF)) {
            return text;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
        text.codePoints().forEach(cp -> {
            if (cp <= 0xFF) {
                bytes.write(cp);
            } else {
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
        });
        return utf8(bytes.toByteArray());
    }
}
