package io.jenkins.plugins.platformpassword.simulator;

/** {@code GET /api/2/users/{user_id}}: a user the caller's tenant holds directly or below. */
final class UserEndpoint implements Endpoint {

    private final Directory directory;
    private final Authenticator authenticator;

    UserEndpoint(Directory directory, Authenticator authenticator) {
        this.directory = directory;
        this.authenticator = authenticator;
    }

    @Override
    public Answer answer(IncomingRequest request) throws Rejection {
        Caller caller = authenticator.caller(request);
        Roles.require(directory, caller, Roles.TENANT_VIEWER);
        User user = Lookups.user(directory, request.segment(1));
        if (!directory.isWithin(user.tenantId(), caller.tenantId())) {
            throw PlatformError.forbidden("Access denied.", "the user is not in the caller's tenant or below it")
                    .reject();
        }
        Tenant tenant = directory.tenant(user.tenantId()).orElseThrow();
        return Answer.json(200, JsonViews.user(user, tenant));
    }
}
