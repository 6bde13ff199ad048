package io.jenkins.plugins.platformpassword.client;

import java.util.Optional;

/**
 * The platform's ids: UUIDs, which its contract writes in lower case only (pattern
 * {@code [0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}} for every id in a path). UUIDs are
 * case-insensitive (RFC 9562, section 4), so an upper-case id is the same id and is sent in lower
 * case; anything else is not an id at all.
 *
 * <p>Checked character by character rather than with a regular expression: every build checks
 * two ids, and the check is simple enough to read as it stands.
 */
final class Uuids {

    private static final int LENGTH = 36;

    private Uuids() {}

    /** The id in the contract's lower-case form, or empty when the text is not a UUID (null included). */
    static Optional<String> lowerCase(String text) {
        if (text == null || text.length() != LENGTH) {
            return Optional.empty();
        }
        char[] lower = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return Optional.empty();
                }
                lower[i] = c;
            } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
                lower[i] = c;
            } else if (c >= 'A' && c <= 'F') {
                lower[i] = (char) (c + ('a' - 'A'));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new String(lower));
    }
}
