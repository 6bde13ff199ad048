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

    /**
     * The {@code parent_id} the platform sends: "For the real root tenant the parent_id is equal
     * to its id" (the contract's tenant schema). The simulator keeps {@code null} inside, so that
     * its own walks up the tree end at the root.
     */
    String wireParentId() {
        return parentId == null ? id : parentId;
    }

    Tenant withEnabled(boolean value, Instant now) {
        return new Tenant(id, name, kind, parentId, value, version + 1, createdAt, now);
    }
}
