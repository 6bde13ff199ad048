package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.users.Diagnosis;
import io.jenkins.plugins.platformpassword.client.users.PasswordChanger;
import io.jenkins.plugins.platformpassword.client.users.PreflightMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pre-flight modes: what each costs on the happy path and what each says on a refusal. */
class PasswordChangerTest {

    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));

    private final SimulatedPlatform platform = new SimulatedPlatform();
    private final PlatformClient client = platform.client();

    @AfterEach
    void stop() {
        client.close();
        platform.close();
    }

    @Test
    void onFailureCostsNoExtraRequestWhenTheChangeSucceeds() throws Exception {
        new PasswordChanger(client, PreflightMode.ON_FAILURE).change(UserId.parse(platform.customerUser), PASSWORD);
        assertThat(platform.simulator.requests()).hasSize(2); // token + password
    }

    @Test
    void onFailureTurnsARefusalIntoAnExplanation() {
        assertThatThrownBy(() -> new PasswordChanger(client, PreflightMode.ON_FAILURE)
                        .change(UserId.parse(platform.partnerUser), PASSWORD))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.FORBIDDEN);
                    assertThat(e.httpStatus()).hasValue(403);
                    assertThat(e.getMessage())
                            .contains("HTTP 403")
                            .contains("Pre-flight check: user " + platform.partnerUser
                                    + " (login partner-user) is in the API client's own tenant "
                                    + platform.partnerTenant);
                });
    }

    @Test
    void alwaysStopsBeforeThePasswordRequest() {
        assertThatThrownBy(() -> new PasswordChanger(client, PreflightMode.ALWAYS)
                        .change(UserId.parse(platform.partnerUser), PASSWORD))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.FORBIDDEN);
                    assertThat(e.getMessage()).startsWith("Pre-flight check failed, nothing was changed");
                });
        assertThat(platform.passwordRequests()).isZero();
    }

    @Test
    void alwaysChangesWhenTheChecksPass() throws Exception {
        new PasswordChanger(client, PreflightMode.ALWAYS).change(UserId.parse(platform.customerUser), PASSWORD);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue("New-Passw0rd-for-test");
    }

    @Test
    void offReportsThePlatformsWordsOnly() {
        assertThatThrownBy(() -> new PasswordChanger(client, PreflightMode.OFF)
                        .change(UserId.parse(platform.partnerUser), PASSWORD))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.getMessage()).doesNotContain("Pre-flight"));
        assertThat(platform.simulator.requestCount("GET", "/api/2/")).isZero();
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        Diagnosis diagnosis =
                new PasswordChanger(client, PreflightMode.ON_FAILURE).dryRun(UserId.parse(platform.customerUser));
        assertThat(diagnosis.allowsChange()).isTrue();
        assertThat(platform.passwordRequests()).isZero();
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
    }

    /** An API client without user_admin: the checks find nothing wrong with the user, and say what is left. */
    @Test
    void aClientWithoutTheUserAdminRoleIsToldSoAfterTheChecks() {
        platform.simulator.withholdRole(platform.apiClient, "user_admin");

        assertThatThrownBy(() -> new PasswordChanger(client, PreflightMode.ON_FAILURE)
                        .change(UserId.parse(platform.customerUser), PASSWORD))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.FORBIDDEN);
                    assertThat(e.getMessage())
                            .contains("with the user_admin role")
                            .contains("exists, is enabled and lies in tenant " + platform.customerTenant)
                            .contains("The API client may lack the user_admin role.");
                });
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
    }

    /**
     * An API client without tenant_viewer may change passwords but read nothing: the checks
     * cannot run, say which role they need, and OFF is the way through.
     */
    @Test
    void aClientWithoutTheTenantViewerRoleCanChangeOnlyWithoutTheChecks() throws Exception {
        platform.simulator.withholdRole(platform.apiClient, "tenant_viewer");

        assertThatThrownBy(() -> new PasswordChanger(client, PreflightMode.ALWAYS)
                        .change(UserId.parse(platform.customerUser), PASSWORD))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.FORBIDDEN);
                    assertThat(e.getMessage()).contains("tenant_viewer").contains("preflight: 'OFF'");
                });
        assertThat(platform.passwordRequests()).isZero();

        new PasswordChanger(client, PreflightMode.OFF).change(UserId.parse(platform.customerUser), PASSWORD);

        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue("New-Passw0rd-for-test");
    }
}
