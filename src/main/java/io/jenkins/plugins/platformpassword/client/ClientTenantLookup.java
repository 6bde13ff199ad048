package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
import java.util.List;

/** {@code GET /api/2/clients/{client_id}}: the tenant the API client belongs to. */
final class ClientTenantLookup extends ReadOperation<String> {

    private final PlatformEndpoint endpoint;
    private final String clientId;
    private final String displayId;

    ClientTenantLookup(PlatformEndpoint endpoint, String clientId, String displayId) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.displayId = displayId;
    }

    @Override
    protected String action() {
        return "read API client " + displayId;
    }

    @Override
    protected String url() {
        return endpoint.apiUrl("/clients/" + PathSegments.encode(clientId));
    }

    /** The tenant the pre-flight checks and the login search start from, of the client asked for. */
    @Override
    protected String read(HttpAnswer answer) throws PlatformException {
        AnswerMembers client = AnswerMembers.of(this, answer, "API client");
        String tenant = client.uuid("tenant_id");
        client.sameUuid("client_id", clientId);
        return tenant;
    }

    @Override
    protected List<String> quotableTexts(String tenant) {
        return List.of(tenant);
    }

    @Override
    protected String notFoundHint() {
        return "The platform has no API client with this id here, although it issued a token to it: check that the"
                + " data center URL names the data center where the API client was created.";
    }

    @Override
    protected String forbiddenHint() {
        return "The API client may not read its own record: it lacks the tenant_viewer role, which reading clients, users and "
                + "tenants needs. Give it that role, or use preflight: 'OFF' for clients without read rights.";
    }
}
