package io.jenkins.plugins.platformpassword.simulator;

import java.util.Objects;

/**
 * An API client registered in the simulator: the credentials a test hands to the plugin.
 *
 * @param clientId   the id the client authenticates with (a lower-case UUID)
 * @param secret     its secret (any characters); never printed by {@link #toString()}
 * @param tenantId   the tenant the client belongs to; it reaches this tenant and those below it
 * @param authMethod how it must authenticate at the token endpoint
 */
public record ApiClient(String clientId, String secret, String tenantId, TokenAuthMethod authMethod) {

    public ApiClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(authMethod, "authMethod");
    }

    /** Without the secret: tests print these objects in assertion messages and logs. */
    @Override
    public String toString() {
        return "ApiClient[clientId=" + clientId + ", tenantId=" + tenantId + ", authMethod=" + authMethod + "]";
    }
}
