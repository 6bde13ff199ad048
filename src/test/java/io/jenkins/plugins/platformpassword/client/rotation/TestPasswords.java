package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * New passwords for the tests: unique on every call and long enough for the platform's policy.
 * The real generator lives in the client package; these tests depend only on the protocol's
 * contract (a fresh password per call), not on how passwords are made.
 */
final class TestPasswords {

    private TestPasswords() {}

    static Supplier<SecretValue> fresh() {
        return () -> SecretValue.of("Rotated-" + UUID.randomUUID());
    }
}
