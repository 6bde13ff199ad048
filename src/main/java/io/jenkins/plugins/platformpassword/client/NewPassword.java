package io.jenkins.plugins.platformpassword.client;

/**
 * The password to set. Sent exactly as given: the platform accepts "any unicode and special
 * characters", so nothing is trimmed or normalised. Only a password that cannot be meant is
 * refused before the request: an empty one or one made of whitespace alone (typically an unset
 * or badly pasted credential).
 */
public final class NewPassword {

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
