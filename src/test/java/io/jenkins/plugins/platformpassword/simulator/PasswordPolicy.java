package io.jenkins.plugins.platformpassword.simulator;

/**
 * The product's password policy as far as the project knows it (it is not part of the API's
 * documentation): at least 9 characters. Counted in code points, so an emoji is one character
 * as a person would count it. Tests that send short passwords on purpose switch it off.
 */
final class PasswordPolicy {

    static final int MINIMUM_LENGTH = 9;

    private volatile boolean enforced = true;

    void enforce(boolean on) {
        enforced = on;
    }

    void check(String password) throws Rejection {
        if (enforced && password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            throw new PlatformError(
                            400,
                            PlatformError.BUSINESS_RULES,
                            "The password does not satisfy the password policy.",
                            "the password must be at least " + MINIMUM_LENGTH + " characters long")
                    .reject();
        }
    }
}
