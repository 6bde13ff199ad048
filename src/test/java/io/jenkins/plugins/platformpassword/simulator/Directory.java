package io.jenkins.plugins.platformpassword.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's accounts: the tenant tree, the API clients and the users, and the questions
 * the endpoints ask of the tree (is this tenant below that one, which tenants lie above it).
 *
 * <p>One lock guards everything: each operation takes microseconds, and a single lock keeps
 * the tree consistent when tests change it while requests are being answered. Entries are
 * immutable records, replaced when they change, so what a caller got stays valid after the lock.
 * Maps keep creation order, which is the order search answers in.
 */
final class Directory {

    /** The platform's generated client details: created_at is required in the client JSON. */
    record RegisteredClient(ApiClient credentials, Instant createdAt) {}

    private final Map<String, Tenant> tenants = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, RegisteredClient> clients = new LinkedHashMap<>();
    /** Client id to the roles a test took away from it ({@link Roles}). */
    private final Map<String, Set<String>> withheldRoles = new LinkedHashMap<>();

    private final String rootTenantId;

    Directory() {
        Instant now = Instant.now();
        rootTenantId = RandomValues.uuid();
        tenants.put(rootTenantId, new Tenant(rootTenantId, "Root", TenantKind.ROOT, null, true, 1, now, now));
    }

    String rootTenantId() {
        return rootTenantId;
    }

    synchronized Tenant addTenant(String parentId, String name, TenantKind kind) {
        return addTenant(RandomValues.uuid(), parentId, name, kind);
    }

    synchronized Tenant addTenant(String id, String parentId, String name, TenantKind kind) {
        Tenant parent = existingTenant(parentId);
        requireNewId(id, tenants.containsKey(id));
        Instant now = Instant.now();
        Tenant tenant = new Tenant(
                id, name, kind == null ? TenantKind.below(parent.kind()) : kind, parent.id(), true, 1, now, now);
        tenants.put(tenant.id(), tenant);
        return tenant;
    }

    synchronized void setTenantEnabled(String tenantId, boolean enabled) {
        tenants.put(tenantId, existingTenant(tenantId).withEnabled(enabled, Instant.now()));
    }

    synchronized Optional<Tenant> tenant(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    synchronized ApiClient addClient(ApiClient client) {
        existingTenant(client.tenantId());
        if (Ids.uuid(client.clientId()).isEmpty()) {
            // The platform generates the ids; one outside the contract's pattern could not exist there.
            throw new IllegalArgumentException("an API client id must be a lower-case UUID: " + client.clientId());
        }
        if (clients.containsKey(client.clientId())) {
            throw new IllegalArgumentException("an API client with id " + client.clientId() + " exists already");
        }
        clients.put(client.clientId(), new RegisteredClient(client, Instant.now()));
        return client;
    }

    synchronized void withholdRole(String clientId, String role) {
        if (!Roles.KNOWN.contains(role)) {
            throw new IllegalArgumentException("unknown role " + role + "; known: " + Roles.KNOWN);
        }
        if (!clients.containsKey(clientId)) {
            throw new NoSuchElementException("no API client " + clientId);
        }
        withheldRoles.computeIfAbsent(clientId, id -> new java.util.HashSet<>()).add(role);
    }

    synchronized boolean isWithheld(String clientId, String role) {
        return withheldRoles.getOrDefault(clientId, Set.of()).contains(role);
    }

    synchronized Optional<RegisteredClient> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    synchronized User addUser(String tenantId, String login, String email) {
        return addUser(RandomValues.uuid(), tenantId, login, email);
    }

    synchronized User addUser(String id, String tenantId, String login, String email) {
        existingTenant(tenantId);
        requireNewId(id, users.containsKey(id));
        if (users.values().stream().anyMatch(u -> u.login().equals(login))) {
            // Logins are unique on the whole platform, which is why a login identifies a user.
            throw new IllegalArgumentException("a user with login " + login + " exists already");
        }
        Instant now = Instant.now();
        User user = new User(id, tenantId, login, email, true, null, 0, 1, now, now);
        users.put(user.id(), user);
        return user;
    }

    /**
     * Users whose logins contain {@code login} in changing letter case but are not it, even
     * ignoring case: what a busy tenant's search for a short login returns before the user asked
     * for. Created now, so a user added later comes after them in search answers.
     */
    synchronized List<String> addNearMatches(String tenantId, String login, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String near =
                    switch (i % 3) {
                        case 0 -> login + "." + i;
                        case 1 -> "x" + login.toUpperCase(java.util.Locale.ROOT) + i;
                        default -> i + "-" + login + "@example.com";
                    };
            ids.add(addUser(tenantId, near, null).id());
        }
        return ids;
    }

    synchronized void setUserEnabled(String userId, boolean enabled) {
        users.put(userId, existingUser(userId).withEnabled(enabled, Instant.now()));
    }

    synchronized Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    synchronized void acceptPassword(String userId, String password) {
        users.put(userId, existingUser(userId).withPassword(password, Instant.now()));
    }

    /** True when {@code tenantId} is {@code ancestorId} itself or lies anywhere below it. */
    synchronized boolean isWithin(String tenantId, String ancestorId) {
        for (Tenant t = tenants.get(tenantId); t != null; t = t.parentId() == null ? null : tenants.get(t.parentId())) {
            if (t.id().equals(ancestorId)) {
                return true;
            }
        }
        return false;
    }

    /** True when the tenant and every tenant above it are enabled: disabling a tenant disables its subtree. */
    synchronized boolean isActive(String tenantId) {
        return ancestorsAndSelf(tenantId).stream().allMatch(Tenant::enabled);
    }

    /** The tenants above this one, the root first; empty for the root. */
    synchronized List<Tenant> ancestors(String tenantId) {
        List<Tenant> chain = ancestorsAndSelf(tenantId);
        return List.copyOf(chain.subList(0, chain.size() - 1));
    }

    /** The tenant and the tenants above it, the root first. */
    synchronized List<Tenant> ancestorsAndSelf(String tenantId) {
        List<Tenant> chain = new ArrayList<>();
        for (Tenant t = existingTenant(tenantId);
                t != null;
                t = t.parentId() == null ? null : tenants.get(t.parentId())) {
            chain.add(0, t);
        }
        return chain;
    }

    synchronized boolean hasChildren(String tenantId) {
        return tenants.values().stream().anyMatch(t -> tenantId.equals(t.parentId()));
    }

    /** Every tenant, in creation order. */
    synchronized List<Tenant> tenants() {
        return List.copyOf(tenants.values());
    }

    /** Every user, in creation order. */
    synchronized List<User> users() {
        return List.copyOf(users.values());
    }

    /**
     * The endpoints find accounts by the lower-case form of the UUID in the path, so an id in any
     * other form would name an account no request can reach.
     */
    private static void requireNewId(String id, boolean taken) {
        if (!Ids.uuid(id).map(id::equals).orElse(false)) {
            throw new IllegalArgumentException("an account id must be a UUID in lower case, not " + id);
        }
        if (taken) {
            throw new IllegalArgumentException("an account with id " + id + " exists already");
        }
    }

    private Tenant existingTenant(String tenantId) {
        Tenant tenant = tenants.get(tenantId);
        if (tenant == null) {
            throw new NoSuchElementException("no tenant with id " + tenantId);
        }
        return tenant;
    }

    private User existingUser(String userId) {
        User user = users.get(userId);
        if (user == null) {
            throw new NoSuchElementException("no user with id " + userId);
        }
        return user;
    }
}
