package io.jenkins.plugins.platformpassword;

import io.jenkins.plugins.platformpassword.client.FailureKind;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.PlatformUser;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.passwords.CharacterClass;
import io.jenkins.plugins.platformpassword.client.passwords.PasswordGenerator;
import io.jenkins.plugins.platformpassword.client.rotation.PasswordRotation;
import io.jenkins.plugins.platformpassword.client.rotation.RotationException;
import io.jenkins.plugins.platformpassword.client.rotation.RotationLocks;
import io.jenkins.plugins.platformpassword.client.rotation.RotationOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code generatePassword: true}: generate a password, set it, and write it back into the
 * credential, through the crash-safe protocol of {@link PasswordRotation} (see docs/rotation.md).
 * Rotations of the same credential never overlap on this controller, whichever jobs run them: the
 * protocol's pending entry is one per credential, and two rotations racing for it would be
 * refused anyway, but waiting is friendlier than failing.
 */
final class RotationRun {

    private static final RotationLocks LOCKS = new RotationLocks();

    private RotationRun() {}

    /** @param store resolved, and the build's right to rewrite it checked, before the platform was touched */
    static RotationOutcome rotate(
            PlatformClient platform,
            UserId user,
            String knownLogin,
            CredentialRotationStore store,
            int length,
            Set<CharacterClass> classes)
            throws RotationException, PlatformException, InterruptedException {
        List<String> forbidden = wordsOf(platform, user, knownLogin);
        PasswordGenerator generator = new PasswordGenerator();
        try (RotationLocks.Held held = LOCKS.lock(store.lockKey())) {
            return new PasswordRotation(store)
                    .rotate(platform, user, () -> generator.generate(length, classes, forbidden));
        }
    }

    /** How many credentials have a rotation under way on this controller (for tests of the bound). */
    static int rotationsUnderWay() {
        return LOCKS.size();
    }

    /** The user's login and email: a generated password must not contain them, or the platform's policy refuses it. */
    private static List<String> wordsOf(PlatformClient platform, UserId user, String knownLogin)
            throws PlatformException {
        List<String> words = new ArrayList<>();
        if (knownLogin != null) {
            words.add(knownLogin);
        }
        try {
            PlatformUser found = platform.user(user);
            if (found.login() != null) {
                words.add(found.login());
            }
            if (found.email() != null) {
                words.add(found.email());
                words.add(found.email().split("@", 2)[0]);
            }
        } catch (PlatformException e) {
            if (e.kind() != FailureKind.FORBIDDEN) {
                throw e; // an API client without read rights still rotates; anything else is a real failure
            }
        }
        return words;
    }
}
