package io.jenkins.plugins.platformpassword.client;

import java.util.Optional;

/**
 * The id of a platform user: a UUID in its canonical 8-4-4-4-12 hex form.
 *
 * <p>Upper-case hex digits are accepted and normalised to lower case, because UUIDs are
 * case-insensitive (RFC 9562, section 4) and the platform prints them in lower case. Anything
 * else is refused, including surrounding whitespace, braces and a trailing newline: such an id
 * usually means a copy-and-paste went wrong, and the user should see that rather than a 404.
 */
public final class UserId {

    /** The field name used in the step, the form and error messages. */
    public static final String FIELD = "userId";

    private final String value;

    private UserId(String value) {
        this.value = value;
    }

    public static UserId parse(String input) {
        Optional<String> id = Uuids.lowerCase(input);
        if (id.isPresent()) {
            return new UserId(id.get());
        }
        // Not an id: find the mistake worth naming.
        if (input == null || input.isEmpty()) {
            throw new InvalidInputException(FIELD, "is empty; enter the platform user's id (a UUID)");
        }
        if (!input.strip().equals(input) || input.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException(FIELD, "contains whitespace or a line break; enter the UUID alone");
        }
        if (input.startsWith("{") || input.endsWith("}")) {
            throw new InvalidInputException(
                    FIELD, "must be a UUID without braces, e.g. 1c234e69-5469-424a-a6d1-ff5658b387a6");
        }
        throw new InvalidInputException(
                FIELD, "is not a UUID; expected 8-4-4-4-12 hex digits, e.g. 1c234e69-5469-424a-a6d1-ff5658b387a6");
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
