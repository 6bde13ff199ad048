package io.jenkins.plugins.platformpassword.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding to UTF-8, for form bodies, query strings and path segments.
 *
 * <p>Written here rather than taken from {@link java.net.URLDecoder} because that one turns
 * malformed UTF-8 into U+FFFD silently: the simulator must notice when a client encodes a
 * secret or password wrongly instead of accepting a damaged value.
 */
final class PercentDecoding {

    private PercentDecoding() {}

    /**
     * @param encoded        the encoded text
     * @param plusMeansSpace true for {@code application/x-www-form-urlencoded}, false for path segments
     * @throws IllegalArgumentException for a broken {@code %} escape or bytes that are not UTF-8
     */
    static String decode(String encoded, boolean plusMeansSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            int c = encoded.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("incomplete percent escape at position " + i);
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("invalid percent escape at position " + i);
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                // Unencoded characters (a lenient client may send UTF-8 as is) pass through whole.
                String literal = c == '+' && plusMeansSpace ? " " : new String(Character.toChars(c));
                bytes.writeBytes(literal.getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return strictUtf8(bytes.toByteArray());
    }

    /** Decodes UTF-8, refusing malformed input instead of replacing it. */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8", e);
        }
    }
}
