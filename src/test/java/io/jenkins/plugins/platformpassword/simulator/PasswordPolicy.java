package io.jenkins.plugins.platformpassword.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The product's password policy as the platform's user documentation ("Password requirements")
 * describes it; the API documentation does not. A password needs at least 9 characters, counted
 * in code points so that an emoji is one character as a person would count it, and weak ones
 * are refused however long: "Passwords that repeat the user name, the login, the user email, or
 * the name of the tenant to which a user account belongs are always considered weak. Most common
 * passwords are also considered weak." The product grades strength with an estimator it does not
 * publish; the simulator keeps to what the documentation states: a password that contains the
 * login, the email, the email's local part or the tenant's name (ignoring case), or that is one of
 * a few of the most common passwords, is refused. Names shorter than 4 characters are not looked
 * for, since a strong random password contains such short strings by chance. Tests that send weak
 * passwords on purpose switch the policy off.
 */
final class PasswordPolicy {

    static final int MINIMUM_LENGTH = 9;

    /** Shorter names are not looked for inside a password. */
    static final int SHORTEST_REPEATED_NAME = 4;

    /** Some of the most common passwords of at least nine characters, in lower case. */
    private static final Set<String> COMMON = Set.of(
            "123456789",
            "1234567890",
            "987654321",
            "111111111",
            "123123123",
            "password1",
            "password12",
            "password123",
            "password1234",
            "password!",
            "qwerty123",
            "qwertyuiop",
            "qwerty123456",
            "iloveyou1",
            "abc123456",
            "1q2w3e4r5t",
            "zaq12wsxcde");

    /** A value a password must not repeat, and how a refusal names it. */
    private record Name(String what, String value) {}

    private volatile boolean enforced = true;

    void enforce(boolean on) {
        enforced = on;
    }

    void check(String password, User user, Tenant tenant) throws Rejection {
        if (!enforced) {
            return;
        }
        if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            throw refused("the password must be at least " + MINIMUM_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw refused("the password is weak: it is one of the most common passwords");
        }
        for (Name name : namesOf(user, tenant)) {
            String value = name.value().toLowerCase(Locale.ROOT);
            if (value.codePointCount(0, value.length()) >= SHORTEST_REPEATED_NAME && lower.contains(value)) {
                throw refused("the password is weak: it repeats " + name.what());
            }
        }
    }

    private static List<Name> namesOf(User user, Tenant tenant) {
        List<Name> names = new ArrayList<>();
        names.add(new Name("the user's login", user.login()));
        if (user.email() != null && !user.email().isEmpty()) {
            names.add(new Name("the user's email", user.email()));
            names.add(new Name("the user's email", user.email().split("@", 2)[0]));
        }
        names.add(new Name("the name of the user's tenant", tenant.name()));
        return names;
    }

    private static Rejection refused(String info) {
        return new PlatformError(
                        400, PlatformError.BUSINESS_RULES, "The password does not satisfy the password policy.", info)
                .reject();
    }
}
