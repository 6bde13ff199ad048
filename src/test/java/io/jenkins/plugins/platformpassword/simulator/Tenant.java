package io.jenkins.plugins.platformpassword.simulator;

import java.time.Instant;

/**
 * A tenant as the simulator holds it; immutable, replaced as a whole when it changes.
 *
 * @param parentId {@code null} for the root tenant only
 */
record Tenant(
        String id,
        String name,
        TenantKind kind,
        String parentId,
        boolean enabled,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    Tenant withEnabled(boolean value, Instant now) {
        return new Tenant(id, name, kind, parentId, value, version + 1, createdAt, now);
    }
}
