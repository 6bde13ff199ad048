package io.jenkins.plugins.platformpassword.client.passwords;

import io.jenkins.plugins.platformpassword.client.FailureKind;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import java.util.Objects;

/**
 * Refuses a new password that the platform would refuse or that is known from data breaches,
 * before the change is attempted, so that a build fails with a clear reason and the user's
 * password stays as it was.
 *
 * <p>The length is checked locally. Whether a password is compromised is asked of the platform
 * ({@code POST /users/check_password}), which receives only the password's SHA-1, never the
 * password itself.
 */
public final class PasswordScreening {

    /**
     * The platform's minimum length. Counted in Unicode code points, as a person counts
     * characters: an emoji is one character, not the two UTF-16 units Java's
     * {@code String.length()} reports.
     */
    public static final int MIN_LENGTH = NewPassword.MIN_LENGTH;

    static final String COMPROMISED_MESSAGE =
            "The new password is listed as compromised by the platform (found in known "
                    + "data breaches); choose another one. Nothing was changed.";

    /**
     * @throws InvalidInputException naming {@link NewPassword#FIELD} when the password has fewer
     *                               than {@value #MIN_LENGTH} characters; the message gives the
     *                               count, never the password
     */
    public static void checkLength(NewPassword password) {
        Objects.requireNonNull(password, "password");
        String value = password.value().reveal();
        int characters = value.codePointCount(0, value.length());
        if (characters < MIN_LENGTH) {
            throw new InvalidInputException(
                    NewPassword.FIELD,
                    "the new password in the credential has " + characters
                            + (characters == 1 ? " character" : " characters") + "; the platform requires at least "
                            + MIN_LENGTH);
        }
    }

    /**
     * Asks the platform whether the password appears in known data breaches. Runs through the
     * client's loop, so it gets the client's retries, deadline and redaction.
     */
    public boolean isCompromised(PlatformClient client, NewPassword password) throws PlatformException {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(password, "password");
        return client.call(new CompromisedPasswordCheck(client.endpoint(), password));
    }

    /**
     * Fails when the platform lists the password as compromised.
     *
     * <p>The failure is a {@link PlatformException} of kind {@link FailureKind#REJECTED}, not an
     * {@link InvalidInputException}: the verdict is the platform's, reached after a request, and
     * callers already treat a REJECTED failure as "the platform did not accept this password"
     * (the same kind as a 400 from the password change). An {@code InvalidInputException}
     * promises that nothing was sent, and is unchecked, so a caller could miss it.
     *
     * @throws PlatformException of kind REJECTED when the password is compromised, or the
     *                           failure of the check itself (the platform unreachable, say)
     */
    public void requireNotCompromised(PlatformClient client, NewPassword password) throws PlatformException {
        if (isCompromised(client, password)) {
            // No HTTP status: the check itself succeeded (200); the refusal is this class's.
            throw new PlatformException(FailureKind.REJECTED, COMPROMISED_MESSAGE, 0, null, null, 0, null);
        }
    }
}
