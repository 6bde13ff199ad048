package io.jenkins.plugins.platformpassword.simulator;

import java.util.Set;

/**
 * The two roles of the contract's oauth2 scopes that the endpoints we use require: reading a
 * client, a user, a tenant or the search needs {@code tenant_viewer}; changing a password needs
 * {@code user_admin}. Every API client has both unless a test withholds one
 * ({@link PlatformSimulator#withholdRole}); the platform then answers 403, as it does for an
 * object outside the caller's tree, which is why a client cannot tell the two apart.
 */
final class Roles {

    static final String TENANT_VIEWER = "tenant_viewer";
    static final String USER_ADMIN = "user_admin";
    static final Set<String> KNOWN = Set.of(TENANT_VIEWER, USER_ADMIN);

    private Roles() {}

    /** Checked before the object is looked up: the platform refuses by scope first. */
    static void require(Directory directory, Caller caller, String role) throws Rejection {
        if (caller.isApiClient() && directory.isWithheld(caller.id(), role)) {
            throw PlatformError.forbidden("Access denied.", "the API client lacks the " + role + " role")
                    .reject();
        }
    }
}
