package io.jenkins.plugins.platformpassword.client.passwords;

import io.jenkins.plugins.platformpassword.client.InvalidInputException;

/**
 * The length a rotation may generate, checked before anything is sent or written. In FIPS mode
 * Jenkins' Username with password credentials refuse passwords shorter than {@value #FIPS_MIN}
 * characters; a shorter one would be refused when it is written back, after the platform had
 * already taken it, and every later run would repeat that.
 */
public final class GeneratedLength {

    /** What {@code UsernamePasswordCredentialsImpl} accepts in FIPS mode. */
    public static final int FIPS_MIN = 14;

    private GeneratedLength() {}

    /**
     * @param fipsMode whether Jenkins runs in FIPS mode ({@code FIPS140.useCompliantAlgorithms()})
     * @throws InvalidInputException naming {@value PasswordGenerator#LENGTH_FIELD}
     */
    public static void check(int length, boolean fipsMode) {
        if (length < PasswordGenerator.MIN_LENGTH || length > PasswordGenerator.MAX_LENGTH) {
            throw new InvalidInputException(
                    PasswordGenerator.LENGTH_FIELD,
                    "is " + length + "; generated passwords have " + PasswordGenerator.MIN_LENGTH + " to "
                            + PasswordGenerator.MAX_LENGTH + " characters");
        }
        if (fipsMode && length < FIPS_MIN) {
            throw new InvalidInputException(
                    PasswordGenerator.LENGTH_FIELD,
                    "is " + length + "; in FIPS mode Jenkins stores no password shorter than " + FIPS_MIN
                            + " characters in a credential, so a rotation needs at least " + FIPS_MIN);
        }
    }
}
