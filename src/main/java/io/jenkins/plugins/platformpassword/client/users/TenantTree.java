package io.jenkins.plugins.platformpassword.client.users;

import io.jenkins.plugins.platformpassword.client.FailureKind;
import io.jenkins.plugins.platformpassword.client.Failures;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Answers "does this tenant lie below that one?" by reading tenants, for the pre-flight checks.
 *
 * <p>One request when the platform embeds the tenant's path and the path names the ancestor.
 * Otherwise the walk follows {@code parent_id} upwards and stops at the ancestor (below), at the
 * root, whose {@code parent_id} the contract sets to its own id (not below), or at a tenant the
 * API client may not read (not below: outside its tree). It reads each tenant at most once: a
 * parent that was already read means the records form a cycle, and an answer about another
 * tenant than the one asked for is no answer; both are protocol failures rather than a walk that
 * goes on until its depth limit.
 */
final class TenantTree {

    /** Tenant trees are shallow (root, partner, folders, customer, units); deeper means a broken tree. */
    static final int MAX_DEPTH = 32;

    private final PlatformClient client;

    TenantTree(PlatformClient client) {
        this.client = client;
    }

    /** Whether {@code tenantId} lies strictly below {@code ancestorId}; both in the contract's lower case. */
    boolean isBelow(String tenantId, String ancestorId) throws PlatformException {
        Set<String> read = new LinkedHashSet<>();
        String current = tenantId;
        while (true) {
            read.add(current);
            Optional<PlatformTenant> tenant = visibleTenant(current);
            if (tenant.isEmpty()) {
                return false;
            }
            if (read.size() == 1 && tenant.get().ancestorIds() != null) {
                // An embedded path is trusted to say yes; its shape is not in the contract, so a
                // path without the ancestor is checked by the walk instead of taken as a no.
                if (tenant.get().ancestorIds().contains(ancestorId)) {
                    return true;
                }
            }
            String parent = tenant.get().parentId();
            if (parent.equals(current)) {
                return false; // the root
            }
            if (parent.equals(ancestorId)) {
                return true;
            }
            if (read.contains(parent)) {
                throw brokenTree(
                        tenantId,
                        ancestorId,
                        "the platform's tenant records form a cycle (" + String.join(" -> ", read) + " -> " + parent
                                + ")");
            }
            if (read.size() >= MAX_DEPTH) {
                throw brokenTree(tenantId, ancestorId, "the tenant tree is deeper than " + MAX_DEPTH + " levels");
            }
            current = parent;
        }
    }

    private static PlatformException brokenTree(String tenantId, String ancestorId, String problem) {
        return Failures.lookup(
                FailureKind.PROTOCOL,
                "Could not check whether tenant " + tenantId + " lies below the API client's tenant " + ancestorId
                        + ": " + problem + ".");
    }

    /** A tenant the API client may read; empty when it may not (403) or it does not exist (404): outside its tree. */
    private Optional<PlatformTenant> visibleTenant(String tenantId) throws PlatformException {
        try {
            return Optional.of(client.call(new TenantLookup(client.endpoint(), tenantId)));
        } catch (PlatformException e) {
            if (e.kind() == FailureKind.FORBIDDEN || e.kind() == FailureKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
