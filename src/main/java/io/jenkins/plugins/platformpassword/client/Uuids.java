package io.jenkins.plugins.platformpassword.client;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The platform's ids: UUIDs, which its contract writes in lower case only (pattern
 * {@code [0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}} for every id in a path). UUIDs are
 * case-insensitive (RFC 9562, section 4), so an upper-case id is the same id and is sent in lower
 * case; anything else is not an id at all.
 */
final class Uuids {

    private static final Pattern ANY_CASE_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    /** The id in the contract's lower-case form, or empty when the text is not a UUID (null included). */
    static Optional<String> lowerCase(String text) {
        return text != null && ANY_CASE_UUID.matcher(text).matches()
                ? Optional.of(text.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }
}
