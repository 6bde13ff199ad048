package io.jenkins.plugins.platformpassword.simulator;

import java.time.Instant;

/**
 * A user account as the simulator holds it; immutable, replaced as a whole when it changes.
 *
 * @param email           {@code null} when the account has none
 * @param password        the last password the password endpoint accepted, {@code null} before the first
 * @param passwordChanges how many times the password endpoint accepted a password for this user
 */
record User(
        String id,
        String tenantId,
        String login,
        String email,
        boolean enabled,
        String password,
        int passwordChanges,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    User withEnabled(boolean value, Instant now) {
        return new User(id, tenantId, login, email, value, password, passwordChanges, version + 1, createdAt, now);
    }

    User withPassword(String value, Instant now) {
        return new User(id, tenantId, login, email, enabled, value, passwordChanges + 1, version, createdAt, now);
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "User[id=" + id + ", login=" + login + ", tenantId=" + tenantId + ", enabled=" + enabled + "]";
    }
}
