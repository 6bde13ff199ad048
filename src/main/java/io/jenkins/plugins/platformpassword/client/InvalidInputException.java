package io.jenkins.plugins.platformpassword.client;

/**
 * Input that cannot be sent to the platform. Thrown before any request leaves, so that a typo
 * costs the user no round trip and the platform never sees half-valid data.
 *
 * <p>The message names the field as the user knows it and the rule that was broken. It never
 * repeats a secret; where the input itself could hold one (a URL with user info), it is not
 * repeated either.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The field's name as used in the Pipeline step and the form, e.g. {@code baseUrl}. */
    public String field() {
        return field;
    }

    /** The message without the field prefix, for form validation shown beside the field itself. */
    public String problem() {
        return getMessage().substring(field.length() + 2);
    }
}
