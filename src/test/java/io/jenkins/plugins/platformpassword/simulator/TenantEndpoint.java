package io.jenkins.plugins.platformpassword.simulator;

/** {@code GET /api/2/tenants/{tenant_id}[?embed_path=true]}: the caller's tenant or one below it. */
final class TenantEndpoint implements Endpoint {

    private final Directory directory;
    private final Authenticator authenticator;

    TenantEndpoint(Directory directory, Authenticator authenticator) {
        this.directory = directory;
        this.authenticator = authenticator;
    }

    @Override
    public Answer answer(IncomingRequest request) throws Rejection {
        Caller caller = authenticator.caller(request);
        Roles.require(directory, caller, Roles.TENANT_VIEWER);
        boolean embedPath = request.query()
                .first("embed_path")
                .map("true"::equalsIgnoreCase)
                .orElse(false);
        Tenant tenant = Lookups.tenant(directory, request.segment(1));
        if (!directory.isWithin(tenant.id(), caller.tenantId())) {
            throw PlatformError.forbidden("Access denied.", "the tenant is not the caller's tenant or below it")
                    .reject();
        }
        return Answer.json(
                200,
                JsonViews.tenant(
                        tenant,
                        directory.hasChildren(tenant.id()),
                        embedPath ? directory.ancestors(tenant.id()) : null));
    }
}
