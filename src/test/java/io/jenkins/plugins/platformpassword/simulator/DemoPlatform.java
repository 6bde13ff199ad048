package io.jenkins.plugins.platformpassword.simulator;

import java.io.PrintStream;

/**
 * The tenant tree {@link PlatformSimulator#main} builds for a person to try the plugin against:
 * root → partner "Demo Partner" (with the API client and the user "partner-admin") → customer
 * "Demo Customer" (with the user "demo-user"). The API client may change demo-user's password,
 * and may not change partner-admin's, because that user is in the client's own tenant.
 */
final class DemoPlatform {

    private final PlatformSimulator simulator;
    private final ApiClient client;
    private final String changeableUser;
    private final String ownTenantUser;

    DemoPlatform(PlatformSimulator simulator) {
        this.simulator = simulator;
        String partner = simulator.addTenant(simulator.rootTenantId(), "Demo Partner", TenantKind.PARTNER);
        String customer = simulator.addTenant(partner, "Demo Customer", TenantKind.CUSTOMER);
        this.client = simulator.addApiClient(partner);
        this.changeableUser = simulator.addUser(customer, "demo-user", "demo-user@example.com");
        this.ownTenantUser = simulator.addUser(partner, "partner-admin", "partner-admin@example.com");
    }

    /** The {@code --port N} argument, 0 (a free port) without one. */
    static int port(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                return Integer.parseInt(args[i + 1]);
            }
            if (args[i].startsWith("--port=")) {
                return Integer.parseInt(args[i].substring("--port=".length()));
            }
        }
        return 0;
    }

    /** One fact per line, so that a script can pick them out; the secret is printed because this is a demo. */
    void printTo(PrintStream out) {
        String url = simulator.dataCenterUrl().toString();
        out.println("Data center URL: " + url);
        out.println("API client id: " + client.clientId());
        out.println("API client secret: " + client.secret());
        out.println("User whose password can be changed (demo-user, in Demo Customer): " + changeableUser);
        out.println(
                "User whose password cannot be changed (partner-admin, in the client's own tenant): " + ownTenantUser);
        out.println("Token request: curl -s -u '" + client.clientId() + ":" + client.secret()
                + "' -d grant_type=client_credentials " + url + "/api/2/idp/token");
        out.println(
                "Password change: curl -s -i -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
                        + "-d '{\"password\":\"New-Passw0rd-2024\"}' " + url + "/api/2/users/" + changeableUser
                        + "/password");
        out.flush();
    }
}
