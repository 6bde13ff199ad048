package io.jenkins.plugins.platformpassword.client.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.*;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pre-flight walk up the tenant tree against answers the contract allows but the simulator's
 * own tree does not produce: a readable root (whose {@code parent_id} is its own id, as the
 * contract says), cycles, answers for another tenant. Faults play the tenant records; the request
 * counts show that the walk stops and never reads a tenant twice.
 */
class TenantWalkTest {

    private static final String TENANTS = "/api/2/tenants/";

    private final SimulatedPlatform platform = new SimulatedPlatform();
    private final PlatformClient client = platform.client();
    private final UserDirectory directory = new UserDirectory(client);

    /** A user whose record names a tenant the walk starts from, and whose tenants the faults describe. */
    private final String foreignTenant = UUID.randomUUID().toString();

    private final String foreignUser = UUID.randomUUID().toString();

    @AfterEach
    void stop() {
        client.close();
        platform.close();
    }

    private void userRecord(String userId, String tenantId) {
        platform.simulator.enqueueFault(
                "/api/2/users/",
                Fault.body(
                        200,
                        "application/json",
                        "{\"id\":\"" + userId + "\",\"login\":\"someone\",\"tenant_id\":\"" + tenantId
                                + "\",\"enabled\":true}"));
    }

    private void tenantRecord(String id, String parentId) {
        platform.simulator.enqueueFault(
                TENANTS,
                Fault.body(
                        200,
                        "application/json",
                        "{\"id\":\"" + id + "\",\"parent_id\":\"" + parentId + "\",\"kind\":\"customer\","
                                + "\"enabled\":true}"));
    }

    private long tenantRequests() {
        return platform.simulator.requestCount("GET", TENANTS);
    }

    @Test
    void theWalkStopsAtTheRootWhoseParentIsItself() throws Exception {
        String partner = UUID.randomUUID().toString();
        String root = UUID.randomUUID().toString();
        userRecord(foreignUser, foreignTenant);
        tenantRecord(foreignTenant, partner);
        tenantRecord(partner, root);
        for (int i = 0; i < 40; i++) {
            tenantRecord(root, root); // a platform that would answer the root as often as asked
        }

        Diagnosis diagnosis = directory.diagnose(UserId.parse(foreignUser));

        assertThat(diagnosis.finding()).isEqualTo(Diagnosis.Finding.USER_OUTSIDE_CLIENT_TREE);
        assertThat(tenantRequests()).isEqualTo(3);
    }

    @Test
    void aCycleOfParentsIsAProtocolErrorAfterReadingEachTenantOnce() {
        String other = UUID.randomUUID().toString();
        userRecord(foreignUser, foreignTenant);
        tenantRecord(foreignTenant, other);
        tenantRecord(other, foreignTenant);
        tenantRecord(foreignTenant, other);

        assertThatThrownBy(() -> directory.diagnose(UserId.parse(foreignUser)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                    assertThat(e.getMessage()).contains("cycle").contains(foreignTenant);
                });
        assertThat(tenantRequests()).isEqualTo(2);
    }

    @Test
    void aChainDeeperThanAnyTenantTreeIsAProtocolError() {
        userRecord(foreignUser, foreignTenant);
        String current = foreignTenant;
        for (int i = 0; i < TenantTree.MAX_DEPTH + 5; i++) {
            String parent = UUID.randomUUID().toString();
            tenantRecord(current, parent);
            current = parent;
        }

        assertThatThrownBy(() -> directory.diagnose(UserId.parse(foreignUser)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                    assertThat(e.getMessage()).contains("deeper than " + TenantTree.MAX_DEPTH);
                });
        assertThat(tenantRequests()).isEqualTo(TenantTree.MAX_DEPTH);
    }

    @Test
    void aTenantThatIsItsOwnParentBelowTheRootIsTheRootToo() throws Exception {
        userRecord(foreignUser, foreignTenant);
        tenantRecord(foreignTenant, foreignTenant);
        tenantRecord(foreignTenant, foreignTenant);

        assertThat(directory.diagnose(UserId.parse(foreignUser)).finding())
                .isEqualTo(Diagnosis.Finding.USER_OUTSIDE_CLIENT_TREE);
        assertThat(tenantRequests()).isEqualTo(1);
    }

    @Test
    void anAnswerForAnotherTenantIsAProtocolError() {
        String stranger = UUID.randomUUID().toString();
        userRecord(foreignUser, foreignTenant);
        tenantRecord(stranger, platform.partnerTenant);

        assertThatThrownBy(() -> directory.diagnose(UserId.parse(foreignUser)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                    assertThat(e.getMessage()).contains("names another object").contains(foreignTenant);
                    assertThat(e.getMessage()).doesNotContain(stranger);
                });
        assertThat(tenantRequests()).isEqualTo(1);
    }

    @Test
    void aWalkThroughTheRealTreeReadsEachTenantOnceAndStopsAtTheClientsTenant() throws Exception {
        String folder = platform.simulator.addTenant(platform.customerTenant, "Folder");
        String unit = platform.simulator.addTenant(folder, "Unit");
        String deepUser = platform.simulator.addUser(unit, "deep-user");
        // without embed_path's path: unit -> folder -> customer -> the client's partner tenant
        tenantRecord(unit, folder);
        tenantRecord(folder, platform.customerTenant);
        tenantRecord(platform.customerTenant, platform.partnerTenant);

        assertThat(directory.diagnose(UserId.parse(deepUser)).finding()).isEqualTo(Diagnosis.Finding.OK);
        assertThat(platform.simulator.requests())
                .filteredOn(r -> r.path().startsWith(TENANTS))
                .extracting(r -> r.path().substring(TENANTS.length()))
                .containsExactly(unit, folder, platform.customerTenant);
    }

    @Test
    void anEmbeddedPathThatLacksTheClientsTenantIsCheckedByWalkingTheParents() throws Exception {
        // The contract does not describe embed_path's path; one that leaves the client's tenant out
        // must not make a user inside the tree look outside it.
        platform.simulator.enqueueFault(
                TENANTS,
                Fault.body(
                        200,
                        "application/json",
                        "{\"id\":\"" + platform.customerTenant + "\",\"parent_id\":\"" + platform.partnerTenant
                                + "\",\"enabled\":true,\"path\":[]}"));

        assertThat(directory.diagnose(UserId.parse(platform.customerUser)).finding())
                .isEqualTo(Diagnosis.Finding.OK);
        assertThat(tenantRequests()).isEqualTo(1);
    }
}
