package io.jenkins.plugins.platformpassword.simulator;

/**
 * The tenant tree {@link PlatformSimulator#main} builds for a person to try the plugin against:
 * root → partner "Demo Partner" (with the API client and the user "partner-admin") → customer
 * "Demo Customer" (with the users "demo-user" and "backup-operator"). The API client may change
 * the passwords of the customer's users, and may not change partner-admin's (403), because that
 * user is in the client's own tenant.
 *
 * <p>Every id and the secret are fixed, not random: a Jenkins credential or job made from them
 * keeps working when the simulator restarts, and the docs can show the values as they are. The
 * ids read as demo values at a glance ({@code de30...}) and are valid UUIDs, as the plugin
 * requires. Only the root tenant's id is random: nothing a person configures refers to it.
 * Passwords set through the API are held in memory and forgotten on restart.
 */
final class DemoPlatform {

    static final String PARTNER_TENANT_ID = "de300000-0000-4000-8000-000000000001";
    static final String CUSTOMER_TENANT_ID = "de300000-0000-4000-8000-000000000002";
    static final String CLIENT_ID = "de300000-0000-4000-8000-0000000000c1";
    /** 32 hex digits like the platform's generated secrets; a demo value, printed on purpose. */
    static final String CLIENT_SECRET = "de305ec7e7f4b2a9c81d6e3f5a7b9c2d";

    static final String PARTNER_NAME = "Demo Partner";
    static final String CUSTOMER_NAME = "Demo Customer";

    /** The user the printed commands change; in the customer tenant. */
    static final Account DEMO_USER = new Account("de300000-0000-4000-8000-000000000011", "demo-user");
    /** The README's rotation example ({@code userLogin: 'backup-operator'}); in the customer tenant. */
    static final Account BACKUP_OPERATOR = new Account("de300000-0000-4000-8000-000000000012", "backup-operator");
    /** In the client's own tenant, so the platform refuses to change its password (403). */
    static final Account PARTNER_ADMIN = new Account("de300000-0000-4000-8000-000000000021", "partner-admin");

    /** A demo user: its fixed id and its login. */
    record Account(String id, String login) {
        String email() {
            return login + "@example.com";
        }
    }

    private final PlatformSimulator simulator;

    DemoPlatform(PlatformSimulator simulator) {
        this.simulator = simulator;
        simulator.addTenant(simulator.rootTenantId(), PARTNER_TENANT_ID, PARTNER_NAME, TenantKind.PARTNER);
        simulator.addTenant(PARTNER_TENANT_ID, CUSTOMER_TENANT_ID, CUSTOMER_NAME, TenantKind.CUSTOMER);
        simulator.addApiClient(PARTNER_TENANT_ID, CLIENT_ID, CLIENT_SECRET, TokenAuthMethod.CLIENT_SECRET_BASIC);
        for (Account user : new Account[] {DEMO_USER, BACKUP_OPERATOR}) {
            simulator.addUser(CUSTOMER_TENANT_ID, user.id(), user.login(), user.email());
        }
        simulator.addUser(PARTNER_TENANT_ID, PARTNER_ADMIN.id(), PARTNER_ADMIN.login(), PARTNER_ADMIN.email());
    }

    String dataCenterUrl() {
        return simulator.dataCenterUrl().toString();
    }
}
