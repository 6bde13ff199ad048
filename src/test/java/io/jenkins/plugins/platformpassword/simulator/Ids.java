package io.jenkins.plugins.platformpassword.simulator;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading the UUIDs that identify users and tenants in paths and queries. */
final class Ids {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {}

    /**
     * The id in the platform's lower-case form, or empty when the text is not a UUID at all. Upper
     * case is accepted because UUIDs are case-insensitive (RFC 9562, section 4).
     */
    static Optional<String> uuid(String text) {
        return text != null && UUID.matcher(text).matches()
                ? Optional.of(text.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }
}
