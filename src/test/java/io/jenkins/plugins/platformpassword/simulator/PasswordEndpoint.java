package io.jenkins.plugins.platformpassword.simulator;

/**
 * {@code POST /api/2/users/{user_id}/password}, with the platform's rules in the order a request
 * meets them: a valid token (401), of an API client (403), a JSON body (415) of the right shape
 * (400), a known user (404) in a sub-tenant of the client's tenant (403), a password the policy
 * accepts (400: long enough, not common, not repeating the login, email or tenant name). Success
 * is 204 with no body.
 */
final class PasswordEndpoint implements Endpoint {

    private static final String JSON = "application/json";

    private final Directory directory;
    private final Authenticator authenticator;
    private final PasswordPolicy policy;

    PasswordEndpoint(Directory directory, Authenticator authenticator, PasswordPolicy policy) {
        this.directory = directory;
        this.authenticator = authenticator;
        this.policy = policy;
    }

    @Override
    public Answer answer(IncomingRequest request) throws Rejection {
        Caller caller = authenticator.caller(request);
        Roles.require(directory, caller, Roles.USER_ADMIN);
        if (!caller.isApiClient()) {
            throw PlatformError.forbidden(
                            "This method can be accessed only by OAuth 2.0 / OpenID Connect clients (API clients).",
                            "the access token belongs to a user, not to an API client")
                    .reject();
        }
        requireJson(request);
        String password = PasswordBody.password(request.body());
        User user = Lookups.user(directory, request.segment(1));
        if (user.tenantId().equals(caller.tenantId()) || !directory.isWithin(user.tenantId(), caller.tenantId())) {
            throw PlatformError.forbidden(
                            "Password can be changed only for user accounts located in sub-tenants.",
                            "the user's tenant is not below the API client's tenant")
                    .reject();
        }
        policy.check(password, user, directory.tenant(user.tenantId()).orElseThrow());
        directory.acceptPassword(user.id(), password);
        return Answer.noContent();
    }

    /** Both password endpoints take only {@code application/json} (the contract documents 415). */
    static void requireJson(IncomingRequest request) throws Rejection {
        if (!request.mediaType().map(JSON::equals).orElse(false)) {
            throw new PlatformError(
                            415,
                            415,
                            "Unsupported Media Type: the request body must be " + JSON + ".",
                            "Content-Type was "
                                    + request.header("Content-Type")
                                            .map(v -> "'" + v + "'")
                                            .orElse("missing"))
                    .reject();
        }
    }
}
