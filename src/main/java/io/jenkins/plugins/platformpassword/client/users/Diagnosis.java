package io.jenkins.plugins.platformpassword.client.users;

import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;

/**
 * What the pre-flight checks found about a user, in words a person can act on. The platform's
 * own 403 and 404 say only "no"; this says why, with the ids involved.
 *
 * @param finding        the first problem found, or {@link Finding#OK}
 * @param userId         the user checked
 * @param login          the user's login, or null if unknown
 * @param userTenantId   the user's tenant, or null if unknown
 * @param clientTenantId the API client's tenant
 */
public record Diagnosis(Finding finding, UserId userId, String login, String userTenantId, String clientTenantId) {

    public enum Finding {
        /** The user exists, is enabled, and lies in a sub-tenant of the client's tenant. */
        OK,
        /** The platform knows no such user (for this API client). */
        UNKNOWN_USER,
        /** The user is in the API client's own tenant; the platform changes passwords only in sub-tenants. */
        USER_IN_CLIENT_TENANT,
        /** The user is outside the API client's tenant tree. */
        USER_OUTSIDE_CLIENT_TREE,
        /** The user account is disabled. */
        USER_DISABLED
    }

    public boolean allowsChange() {
        return finding == Finding.OK;
    }

    /** The finding in words; every value in it is on one line ({@link LogText#value}), whatever the platform sent. */
    public String explain() {
        // Shadowed on purpose: below, only the one-line forms can be used.
        String login = LogText.value(this.login);
        String userTenantId = LogText.value(this.userTenantId);
        String clientTenantId = LogText.value(this.clientTenantId);
        String who = "user " + userId + (login == null ? "" : " (login " + login + ")");
        switch (finding) {
            case OK:
                return who + " exists, is enabled and lies in tenant " + userTenantId
                        + ", below the API client's tenant " + clientTenantId + ".";
            case UNKNOWN_USER:
                return who + " does not exist for this API client (tenant " + clientTenantId + ").";
            case USER_IN_CLIENT_TENANT:
                return who + " is in the API client's own tenant " + clientTenantId
                        + "; the platform changes passwords only for users in sub-tenants of the client's tenant.";
            case USER_OUTSIDE_CLIENT_TREE:
                if (this.userTenantId == null) {
                    // A 403 on reading the user: the platform does not say whether the user lies
                    // elsewhere or the client may not read users at all, so neither is claimed.
                    return who + " is not visible to the API client (the platform answered 403 to reading it): it is"
                            + " outside the API client's tenant " + clientTenantId + " and its sub-tenants, or the"
                            + " API client lacks the tenant_viewer role that reading users needs (set preflight to"
                            + " OFF for such a client).";
                }
                return who + " is in tenant " + userTenantId + ", which is not below the API client's tenant "
                        + clientTenantId + ".";
            case USER_DISABLED:
                return who + " in tenant " + userTenantId + " is disabled.";
            default:
                throw new IllegalStateException(finding.name());
        }
    }
}
