package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;

/**
 * The password to set. Sent exactly as given: the platform accepts "any unicode and special
 * characters", so nothing is trimmed or normalised. Only a password that cannot be meant, or
 * cannot arrive as it is, is refused before the request: an empty one or one made of whitespace
 * alone (typically an unset or badly pasted credential), and one with an unpaired surrogate.
 *
 * <p>An unpaired surrogate is refused rather than sent as a JSON {@code \uD800} escape: that
 * escape is valid JSON grammar, but what a receiver makes of it is undefined (RFC 8259, section
 * 8.2), the platform's UTF-8 storage cannot hold it, and no one could type that password at a
 * login prompt, which sends UTF-8. Sent any other way it arrives as {@code ?}: a different password.
 */
public final class NewPassword {

    /**
     * The platform's minimum length, in Unicode code points, as a person counts characters: an
     * emoji is one character, not the two UTF-16 units Java's {@code String.length()} reports.
     */
    public static final int MIN_LENGTH = 9;

    /** The field name of the new password's credential in the step and the form. */
    public static final String FIELD = "passwordCredentialsId";

    private final SecretValue value;

    private NewPassword(SecretValue value) {
        this.value = value;
    }

    public static NewPassword of(SecretValue value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(FIELD, "the new password in the credential is empty");
        }
        if (value.isBlank()) {
            throw new InvalidInputException(FIELD, "the new password in the credential consists of whitespace only");
        }
        if (UnpairedSurrogates.firstIn(value.reveal()) >= 0) {
            // Where it is would tell something about the password, so the message does not say.
            throw new InvalidInputException(
                    FIELD,
                    "the new password in the credential contains an unpaired UTF-16 surrogate (half of a character, "
                            + "as a badly cut or pasted value may hold); it cannot be sent as it is and would arrive as "
                            + "a different password, so correct the credential");
        }
        return new NewPassword(value);
    }

    public SecretValue value() {
        return value;
    }

    @Override
    public String toString() {
        return "NewPassword[" + SecretValue.MASK + "]";
    }
}
