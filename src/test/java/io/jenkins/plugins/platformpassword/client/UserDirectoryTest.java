package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.users.Diagnosis;
import io.jenkins.plugins.platformpassword.client.users.ResolvedUser;
import io.jenkins.plugins.platformpassword.client.users.UserDirectory;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users by login, and the pre-flight checks, against the simulator. */
class UserDirectoryTest {

    private final SimulatedPlatform platform = new SimulatedPlatform();
    private final PlatformClient client = platform.client();
    private final UserDirectory directory = new UserDirectory(client);

    @AfterEach
    void stop() {
        client.close();
        platform.close();
    }

    @Test
    void findsTheUserWithExactlyThisLoginAmongSimilarOnes() throws Exception {
        String jdoe = platform.simulator.addUser(platform.customerTenant, "jdoe");
        platform.simulator.addUser(platform.customerTenant, "jdoe2");
        platform.simulator.addUser(platform.customerTenant, "ajdoe");

        ResolvedUser found = directory.resolveLogin("jdoe");

        assertThat(found.id().value()).isEqualTo(jdoe);
        assertThat(found.login()).isEqualTo("jdoe");
        assertThat(found.tenantId()).isEqualTo(platform.customerTenant);
    }

    @Test
    void comparesLoginsIgnoringCase() throws Exception {
        String user = platform.simulator.addUser(platform.customerTenant, "Mixed.Case");
        assertThat(directory.resolveLogin("mixed.case").id().value()).isEqualTo(user);
    }

    @Test
    void severalMatchesAreAnErrorNamingTheirTenants() {
        String otherCustomer = platform.simulator.addTenant(platform.partnerTenant, "Other customer");
        platform.simulator.addUser(platform.customerTenant, "twin");
        platform.simulator.addUser(otherCustomer, "TWIN");

        assertThatThrownBy(() -> directory.resolveLogin("twin")).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
            assertThat(e.getMessage())
                    .contains("2 users have the login 'twin'")
                    .contains(platform.customerTenant)
                    .contains(otherCustomer)
                    .contains("use userId");
        });
    }

    @Test
    void noMatchSaysWhatWasSearched() {
        assertThatThrownBy(() -> directory.resolveLogin("nobody-here"))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
                    assertThat(e.getMessage())
                            .contains("No user with login 'nobody-here' is visible to this API client");
                });
    }

    @Test
    void usersOutsideTheClientsTreeAreNotFoundByLogin() {
        String otherPartner = platform.simulator.addTenant(platform.simulator.rootTenantId(), "Other partner");
        platform.simulator.addUser(otherPartner, "foreigner");

        assertThatThrownBy(() -> directory.resolveLogin("foreigner"))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("No user with login 'foreigner'");
    }

    @Test
    void shortLoginsAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> directory.resolveLogin("jd"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("userLogin");
                    assertThat(e.getMessage())
                            .contains("fewer than 3 characters")
                            .contains("use userId");
                });
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void theClientsTenantIsAskedForOnce() throws Exception {
        directory.diagnose(UserId.parse(platform.customerUser));
        directory.diagnose(UserId.parse(platform.customerUser));
        try (PlatformClient nextBuild = platform.client()) {
            new UserDirectory(nextBuild).diagnose(UserId.parse(platform.customerUser));
        }
        assertThat(platform.simulator.requestCount("GET", "/api/2/clients/")).isEqualTo(1);
    }

    @Test
    void aUserInASubTenantPasses() throws Exception {
        Diagnosis diagnosis = directory.diagnose(UserId.parse(platform.customerUser));
        assertThat(diagnosis.finding()).isEqualTo(Diagnosis.Finding.OK);
        assertThat(diagnosis.allowsChange()).isTrue();
        assertThat(diagnosis.userTenantId()).isEqualTo(platform.customerTenant);
        assertThat(diagnosis.clientTenantId()).isEqualTo(platform.partnerTenant);
    }

    @Test
    void aUserDeepBelowPassesWithOneTenantRequest() throws Exception {
        String folder = platform.simulator.addTenant(platform.customerTenant, "Folder");
        String unit = platform.simulator.addTenant(folder, "Unit");
        String deepUser = platform.simulator.addUser(unit, "deep-user");

        assertThat(directory.diagnose(UserId.parse(deepUser)).finding()).isEqualTo(Diagnosis.Finding.OK);
        assertThat(platform.simulator.requestCount("GET", "/api/2/tenants/")).isEqualTo(1);
    }

    @Test
    void withoutAnEmbeddedPathTheChecksWalkUpTheParents() throws Exception {
        String folder = platform.simulator.addTenant(platform.customerTenant, "Folder");
        String unit = platform.simulator.addTenant(folder, "Unit");
        String deepUser = platform.simulator.addUser(unit, "deep-user");
        // A platform that ignores embed_path: the unit's own record names only its parent.
        platform.simulator.enqueueFault(
                "/api/2/tenants/",
                io.jenkins.plugins.platformpassword.simulator.Fault.body(
                        200,
                        "application/json",
                        "{\"id\":\"" + unit + "\",\"parent_id\":\"" + folder + "\",\"enabled\":true}"));

        assertThat(directory.diagnose(UserId.parse(deepUser)).finding()).isEqualTo(Diagnosis.Finding.OK);
        // the unit, then the folder and the customer, whose parent is the client's tenant
        assertThat(platform.simulator.requestCount("GET", "/api/2/tenants/")).isEqualTo(3);
    }

    @Test
    void aWalkThatLeavesTheClientsTreeEndsOutside() throws Exception {
        String otherPartner = platform.simulator.addTenant(platform.simulator.rootTenantId(), "Other partner");
        String otherCustomer = platform.simulator.addTenant(otherPartner, "Other customer");
        // The user record is visible (a fault plays it), but its tenant lies in another partner's tree.
        String foreigner = platform.simulator.addUser(otherCustomer, "foreign-user");
        platform.simulator.enqueueFault(
                "/api/2/users/",
                io.jenkins.plugins.platformpassword.simulator.Fault.body(
                        200,
                        "application/json",
                        "{\"id\":\"" + foreigner + "\",\"tenant_id\":\"" + otherCustomer + "\",\"enabled\":true}"));

        assertThat(directory.diagnose(UserId.parse(foreigner)).finding())
                .isEqualTo(Diagnosis.Finding.USER_OUTSIDE_CLIENT_TREE);
    }

    @Test
    void aUserInTheClientsOwnTenantIsExplained() throws Exception {
        Diagnosis diagnosis = directory.diagnose(UserId.parse(platform.partnerUser));
        assertThat(diagnosis.finding()).isEqualTo(Diagnosis.Finding.USER_IN_CLIENT_TENANT);
        assertThat(diagnosis.explain()).contains(platform.partnerTenant).contains("only for users in sub-tenants");
    }

    @Test
    void aUserOutsideTheTreeIsExplained() throws Exception {
        String otherPartner = platform.simulator.addTenant(platform.simulator.rootTenantId(), "Other partner");
        String foreigner = platform.simulator.addUser(otherPartner, "foreign-user");

        Diagnosis diagnosis = directory.diagnose(UserId.parse(foreigner));

        assertThat(diagnosis.finding()).isEqualTo(Diagnosis.Finding.USER_OUTSIDE_CLIENT_TREE);
        // The platform's 403 to reading the user does not say why; the explanation claims no tenant.
        assertThat(diagnosis.explain())
                .contains("is not visible to the API client")
                .contains("outside the API client's tenant " + platform.partnerTenant)
                .contains("tenant_viewer")
                .doesNotContain(otherPartner);
    }

    @Test
    void aDisabledUserIsExplained() throws Exception {
        platform.simulator.setUserEnabled(platform.customerUser, false);
        assertThat(directory.diagnose(UserId.parse(platform.customerUser)).finding())
                .isEqualTo(Diagnosis.Finding.USER_DISABLED);
    }

    @Test
    void anUnknownUserIsExplained() throws Exception {
        Diagnosis diagnosis = directory.diagnose(UserId.parse(UUID.randomUUID().toString()));
        assertThat(diagnosis.finding()).isEqualTo(Diagnosis.Finding.UNKNOWN_USER);
        assertThat(diagnosis.explain()).contains("does not exist for this API client");
    }
}
