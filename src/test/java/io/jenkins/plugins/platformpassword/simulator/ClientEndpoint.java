package io.jenkins.plugins.platformpassword.simulator;

/** {@code GET /api/2/clients/{client_id}}: the caller's own client, or one in its tenant or below. */
final class ClientEndpoint implements Endpoint {

    private final Directory directory;
    private final Authenticator authenticator;

    ClientEndpoint(Directory directory, Authenticator authenticator) {
        this.directory = directory;
        this.authenticator = authenticator;
    }

    @Override
    public Answer answer(IncomingRequest request) throws Rejection {
        Caller caller = authenticator.caller(request);
        Roles.require(directory, caller, Roles.TENANT_VIEWER);
        Directory.RegisteredClient client = Lookups.client(directory, request.segment(1));
        boolean own =
                caller.isApiClient() && caller.id().equals(client.credentials().clientId());
        if (!own && !directory.isWithin(client.credentials().tenantId(), caller.tenantId())) {
            throw PlatformError.forbidden("Access denied.", "the client is not in the caller's tenant or below it")
                    .reject();
        }
        return Answer.json(200, JsonViews.client(client));
    }
}
