package io.jenkins.plugins.platformpassword.client;

import java.net.URI;
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
    String action() {
        return "read API client " + displayId;
    }

    @Override
    URI target() {
        return endpoint.api("/clients/" + PathSegments.encode(clientId));
    }

    @Override
    String read(HttpAnswer answer) throws PlatformException {
        String tenant = Json.parseObject(answer.bodyText())
                .map(json -> Json.text(json, "tenant_id"))
                .orElse(null);
        if (tenant == null || tenant.isBlank()) {
            throw Failures.protocol(this, answer.status(), "the answer names no tenant_id");
        }
        return tenant;
    }

    @Override
    List<String> quotableTexts(String tenant) {
        return List.of(tenant);
    }

    @Override
    String forbiddenHint() {
        return "The API client may not read its own record; use preflight: 'OFF' for clients without read rights.";
    }
}
