package io.jenkins.plugins.platformpassword.client.users;

import java.util.List;

/**
 * The parts of a tenant the pre-flight checks need.
 *
 * @param id         the tenant's id, in lower case
 * @param parentId   its parent's id, in lower case; the root's own id for the root, as the contract says
 * @param enabled    whether the tenant is enabled
 * @param ancestorIds the ids of the tenants above it when the platform embedded its path, root first; null when it did not
 */
public record PlatformTenant(String id, String parentId, boolean enabled, List<String> ancestorIds) {}
