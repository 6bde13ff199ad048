package io.jenkins.plugins.platformpassword.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds users by login and explains where a user stands relative to the API client: the
 * pre-flight checks. Every request goes through the client's loop (token, retries, deadline).
 */
public final class UserDirectory {

    /** The field name of the login in the step and the form. */
    public static final String LOGIN_FIELD = "userLogin";

    /** The platform's search finds nothing for shorter texts. */
    static final int MIN_SEARCHABLE_LOGIN = 3;

    /** Tenant trees are shallow (root, partner, folders, customer, units); a deeper walk means a loop. */
    static final int MAX_TENANT_DEPTH = 32;

    private final PlatformClient client;

    public UserDirectory(PlatformClient client) {
        this.client = client;
    }

    /**
     * The user with exactly this login among the users the API client can see. Logins are
     * compared case-insensitively (the platform's search is case-insensitive, and two logins
     * that differ only in case would confuse people anyway); several matches are an error.
     */
    public ResolvedUser resolveLogin(String login) throws PlatformException {
        if (login == null || login.isBlank()) {
            throw new InvalidInputException(LOGIN_FIELD, "is empty; enter the platform user's login");
        }
        if (!login.strip().equals(login)) {
            throw new InvalidInputException(LOGIN_FIELD, "has leading or trailing whitespace");
        }
        int broken = UnpairedSurrogates.firstIn(login);
        if (broken >= 0) {
            throw new InvalidInputException(
                    LOGIN_FIELD,
                    String.format(
                            java.util.Locale.ROOT,
                            "contains an unpaired UTF-16 surrogate (U+%04X at position %d), half of a character; "
                                    + "it would be searched as '?', so correct the login",
                            (int) login.charAt(broken),
                            login.codePointCount(0, broken) + 1));
        }
        if (login.codePointCount(0, login.length()) < MIN_SEARCHABLE_LOGIN) {
            throw new InvalidInputException(
                    LOGIN_FIELD,
                    "has fewer than " + MIN_SEARCHABLE_LOGIN
                            + " characters; the platform's search cannot find such logins, so use userId instead");
        }
        String clientTenant = client.clientTenantId();
        List<UserSearch.Hit> matches = new ArrayList<>();
        for (UserSearch.Hit hit : client.call(new UserSearch(client.endpoint(), clientTenant, login))) {
            if (hit.login() != null && hit.login().toLowerCase(Locale.ROOT).equals(login.toLowerCase(Locale.ROOT))) {
                matches.add(hit);
            }
        }
        if (matches.isEmpty()) {
            throw Failures.lookup(
                    FailureKind.NOT_FOUND,
                    "No user with login '" + LogText.value(login) + "' is visible to this API client "
                            + "(searched below its tenant " + LogText.value(clientTenant) + ").");
        }
        if (matches.size() > 1) {
            throw Failures.lookup(
                    FailureKind.REJECTED,
                    matches.size() + " users have the login '" + LogText.value(login)
                            + "' (ignoring case), in tenants "
                            + matches.stream()
                                    .map(hit -> LogText.value(hit.tenantId()))
                                    .collect(Collectors.joining(", "))
                            + "; use userId to say which one.");
        }
        UserSearch.Hit match = matches.get(0);
        return new ResolvedUser(UserId.parse(match.id()), match.login(), match.tenantId());
    }

    /** Runs the pre-flight checks for one user. Throws only when the checks themselves cannot run. */
    public Diagnosis diagnose(UserId userId) throws PlatformException {
        String clientTenant = client.clientTenantId();
        PlatformUser user;
        try {
            user = client.user(userId);
        } catch (PlatformException e) {
            if (e.kind() == FailureKind.NOT_FOUND) {
                return new Diagnosis(Diagnosis.Finding.UNKNOWN_USER, userId, null, null, clientTenant);
            }
            if (e.kind() == FailureKind.FORBIDDEN) {
                return new Diagnosis(Diagnosis.Finding.USER_OUTSIDE_CLIENT_TREE, userId, null, null, clientTenant);
            }
            throw e;
        }
        Diagnosis.Finding finding;
        if (clientTenant.equalsIgnoreCase(user.tenantId())) {
            finding = Diagnosis.Finding.USER_IN_CLIENT_TENANT;
        } else if (!isBelow(user.tenantId(), clientTenant)) {
            finding = Diagnosis.Finding.USER_OUTSIDE_CLIENT_TREE;
        } else if (!user.enabled()) {
            finding = Diagnosis.Finding.USER_DISABLED;
        } else {
            finding = Diagnosis.Finding.OK;
        }
        return new Diagnosis(finding, userId, user.login(), user.tenantId(), clientTenant);
    }

    /** Whether {@code tenantId} lies strictly below {@code ancestorId}: one request when the platform embeds the path. */
    private boolean isBelow(String tenantId, String ancestorId) throws PlatformException {
        Optional<PlatformTenant> tenant = visibleTenant(tenantId);
        if (tenant.isEmpty()) {
            return false;
        }
        if (tenant.get().ancestorIds() != null) {
            return tenant.get().ancestorIds().contains(ancestorId.toLowerCase(Locale.ROOT));
        }
        String current = tenant.get().parentId();
        for (int depth = 0; current != null && depth < MAX_TENANT_DEPTH; depth++) {
            if (current.equalsIgnoreCase(ancestorId)) {
                return true;
            }
            Optional<PlatformTenant> parent = visibleTenant(current);
            if (parent.isEmpty()) {
                return false;
            }
            current = parent.get().parentId();
        }
        return false;
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
