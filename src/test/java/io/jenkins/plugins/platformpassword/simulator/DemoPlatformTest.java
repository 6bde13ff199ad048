package io.jenkins.plugins.platformpassword.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.ClientSettings;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.ProgressListener;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.client.users.Diagnosis;
import io.jenkins.plugins.platformpassword.client.users.ResolvedUser;
import io.jenkins.plugins.platformpassword.client.users.UserDirectory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The demo tree as the plugin sees it, through the real client: the values a person types into
 * Jenkins, and the names the README's examples use, must work.
 */
class DemoPlatformTest {

    /** What a Jenkins "Username with password" credential made from the printed values holds. */
    private static final ApiClientCredentials JENKINS_CREDENTIAL = new ApiClientCredentials(
            "de300000-0000-4000-8000-0000000000c1", SecretValue.of("de305ec7e7f4b2a9c81d6e3f5a7b9c2d"));

    private static PlatformClient client(PlatformSimulator simulator) {
        return new PlatformClient(
                PlatformEndpoint.parse(simulator.dataCenterUrl().toString(), true),
                JENKINS_CREDENTIAL,
                ClientSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new TokenCache(),
                ProgressListener.NONE);
    }

    /** The docs print these values; changing one breaks every Jenkins set up from them. */
    @Test
    void theDocumentedValuesStayAsTheyAre() {
        assertThat(DemoPlatform.CLIENT_ID).isEqualTo(JENKINS_CREDENTIAL.clientId());
        assertThat(DemoPlatform.CLIENT_SECRET)
                .isEqualTo(JENKINS_CREDENTIAL.secret().reveal());
        assertThat(DemoPlatform.PARTNER_TENANT_ID).isEqualTo("de300000-0000-4000-8000-000000000001");
        assertThat(DemoPlatform.CUSTOMER_TENANT_ID).isEqualTo("de300000-0000-4000-8000-000000000002");
        assertThat(DemoPlatform.DEMO_USER)
                .isEqualTo(new DemoPlatform.Account("de300000-0000-4000-8000-000000000011", "demo-user"));
        assertThat(DemoPlatform.BACKUP_OPERATOR)
                .isEqualTo(new DemoPlatform.Account("de300000-0000-4000-8000-000000000012", "backup-operator"));
        assertThat(DemoPlatform.PARTNER_ADMIN)
                .isEqualTo(new DemoPlatform.Account("de300000-0000-4000-8000-000000000021", "partner-admin"));
    }

    /** A restart is a new simulator with an empty tree; the demo tree must come back the same. */
    @Test
    void aCredentialMadeFromThePrintedValuesWorksAfterARestart() throws Exception {
        for (int start = 0; start < 2; start++) {
            try (PlatformSimulator simulator = PlatformSimulator.start(0);
                    PlatformClient client = client(simulator)) {
                new DemoPlatform(simulator);

                assertThat(client.verifyCredentials()).isNotNull();
                assertThat(client.user(UserId.parse(DemoPlatform.DEMO_USER.id()))
                                .login())
                        .isEqualTo("demo-user");
            }
        }
    }

    /** The README's rotation example: {@code userLogin: 'backup-operator'}, {@code preflight: 'ALWAYS'}. */
    @Test
    void theReadmeRotationExampleFindsChecksAndChangesBackupOperator() throws Exception {
        try (PlatformSimulator simulator = PlatformSimulator.start(0);
                PlatformClient client = client(simulator)) {
            new DemoPlatform(simulator);
            UserDirectory directory = new UserDirectory(client);

            ResolvedUser user = directory.resolveLogin("backup-operator");
            assertThat(user.id().value()).isEqualTo(DemoPlatform.BACKUP_OPERATOR.id());
            assertThat(user.tenantId()).isEqualTo(DemoPlatform.CUSTOMER_TENANT_ID);
            assertThat(directory.diagnose(user.id()).finding()).isEqualTo(Diagnosis.Finding.OK);

            client.changePassword(user.id(), NewPassword.of(SecretValue.of("Generated-Passw0rd-24chars")));
            assertThat(simulator.passwordOf(DemoPlatform.BACKUP_OPERATOR.id())).hasValue("Generated-Passw0rd-24chars");
        }
    }

    @Test
    void demoUserMayBeChangedAndPartnerAdminIsInTheClientsOwnTenant() throws Exception {
        try (PlatformSimulator simulator = PlatformSimulator.start(0);
                PlatformClient client = client(simulator)) {
            new DemoPlatform(simulator);
            UserDirectory directory = new UserDirectory(client);

            assertThat(directory
                            .diagnose(directory.resolveLogin("demo-user").id())
                            .finding())
                    .isEqualTo(Diagnosis.Finding.OK);
            assertThat(directory
                            .diagnose(directory.resolveLogin("partner-admin").id())
                            .finding())
                    .isEqualTo(Diagnosis.Finding.USER_IN_CLIENT_TENANT);
        }
    }

    @Test
    void fixedIdsMustBeLowerCaseUuidsThatNoOtherAccountHas() {
        try (PlatformSimulator simulator = PlatformSimulator.start(0)) {
            new DemoPlatform(simulator);

            assertThatThrownBy(() -> simulator.addUser(
                            DemoPlatform.CUSTOMER_TENANT_ID, DemoPlatform.DEMO_USER.id(), "someone-else", null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an account with id " + DemoPlatform.DEMO_USER.id() + " exists already");
            assertThatThrownBy(() -> simulator.addUser(
                            DemoPlatform.CUSTOMER_TENANT_ID, "DE300000-0000-4000-8000-0000000000AA", "upper", null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an account id must be a UUID in lower case, not DE300000-0000-4000-8000-0000000000AA");
            assertThatThrownBy(() -> simulator.addTenant(
                            DemoPlatform.PARTNER_TENANT_ID, "not-a-uuid", "Other", TenantKind.CUSTOMER))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an account id must be a UUID in lower case, not not-a-uuid");
            assertThatThrownBy(() -> simulator.addTenant(
                            simulator.rootTenantId(), DemoPlatform.PARTNER_TENANT_ID, "Again", TenantKind.PARTNER))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an account with id " + DemoPlatform.PARTNER_TENANT_ID + " exists already");
        }
    }
}
