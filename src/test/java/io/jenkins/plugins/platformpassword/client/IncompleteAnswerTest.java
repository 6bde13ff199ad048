package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.platformpassword.client.users.UserDirectory;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Success answers that lack, or garble, a member a check needs: each is a {@link PlatformException}
 * of kind {@link FailureKind#PROTOCOL} that names the member, never a NullPointerException or an
 * input error about a field the user did not fill in.
 */
class IncompleteAnswerTest {

    private final SimulatedPlatform platform = new SimulatedPlatform();
    private final PlatformClient client = platform.client();
    private final UserDirectory directory = new UserDirectory(client);

    @AfterEach
    void stop() {
        client.close();
        platform.close();
    }

    private void answer(String pathPrefix, String json) {
        platform.simulator.enqueueFault(pathPrefix, Fault.body(200, "application/json", json));
    }

    private static PlatformException protocolError(Throwable thrown, String... phrases) {
        assertThat(thrown).isInstanceOf(PlatformException.class);
        PlatformException e = (PlatformException) thrown;
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(FailureKind.PROTOCOL);
        assertThat(e.getMessage()).contains(phrases);
        return e;
    }

    private Throwable diagnose() {
        return catchThrowable(() -> directory.diagnose(UserId.parse(platform.customerUser)));
    }

    @Test
    void aUserWithoutTenantId() {
        answer(
                "/api/2/users/",
                "{\"id\":\"" + platform.customerUser + "\",\"login\":\"customer-user\",\"enabled\":true}");
        protocolError(diagnose(), "tenant_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"not-a-uuid\"", "42", "null", "{}"})
    void aUserWhoseTenantIdIsNoUuid(String tenantId) {
        answer(
                "/api/2/users/",
                "{\"id\":\"" + platform.customerUser + "\",\"tenant_id\":" + tenantId + ",\"enabled\":true}");
        protocolError(diagnose(), "tenant_id");
        assertThat(platform.simulator.requestCount("GET", "/api/2/tenants/")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"enabled\":\"yes\"", ",\"enabled\":null"})
    void aUserWithoutABooleanEnabled(String enabled) {
        answer(
                "/api/2/users/",
                "{\"id\":\"" + platform.customerUser + "\",\"tenant_id\":\"" + platform.customerTenant + "\"" + enabled
                        + "}");
        protocolError(diagnose(), "enabled");
    }

    @Test
    void anAnswerForAnotherUser() {
        String other = UUID.randomUUID().toString();
        answer(
                "/api/2/users/",
                "{\"id\":\"" + other + "\",\"tenant_id\":\"" + platform.customerTenant + "\",\"enabled\":true}");
        PlatformException e = protocolError(diagnose(), "names another object", platform.customerUser);
        assertThat(e.getMessage()).doesNotContain(other);
    }

    @Test
    void aTenantWithoutParentIdWhenTheWalkNeedsIt() {
        answer("/api/2/tenants/", "{\"id\":\"" + platform.customerTenant + "\",\"enabled\":true}");
        protocolError(diagnose(), "parent_id");
    }

    @Test
    void aTenantWithoutId() {
        answer("/api/2/tenants/", "{\"parent_id\":\"" + platform.partnerTenant + "\",\"enabled\":true}");
        protocolError(diagnose(), "id");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{}", "{\"client_id\":\"<client>\"}", "{\"client_id\":\"<client>\",\"tenant_id\":\"partner\"}"})
    void aClientRecordWithoutAUsableTenantId(String json) {
        answer("/api/2/clients/", json.replace("<client>", platform.apiClient.clientId()));
        protocolError(diagnose(), "tenant_id");
    }

    @Test
    void aClientRecordForAnotherClient() {
        String other = UUID.randomUUID().toString();
        answer("/api/2/clients/", "{\"client_id\":\"" + other + "\",\"tenant_id\":\"" + platform.partnerTenant + "\"}");
        PlatformException e = protocolError(diagnose(), "client_id names another object");
        assertThat(e.getMessage()).doesNotContain(other);
    }

    @Test
    void aSearchHitForTheLoginWithoutAUsableId() {
        answer(
                "/api/2/search",
                "{\"items\":[{\"obj_type\":\"user\",\"id\":\"jdoe\",\"parent_id\":\"" + platform.customerTenant
                        + "\",\"path\":[],\"login\":\"jdoe\"}]}");
        Throwable thrown = catchThrowable(() -> directory.resolveLogin("jdoe"));
        assertThat(thrown).isNotInstanceOf(InvalidInputException.class);
        protocolError(thrown, "id");
    }

    @Test
    void aSearchHitForTheLoginWithoutItsTenant() {
        answer(
                "/api/2/search",
                "{\"items\":[{\"obj_type\":\"user\",\"id\":\"" + platform.customerUser
                        + "\",\"path\":[],\"login\":\"jdoe\"}]}");
        protocolError(catchThrowable(() -> directory.resolveLogin("jdoe")), "parent_id");
    }

    /** An answer may echo anything; what the client says about a garbled member never quotes it. */
    @ParameterizedTest
    @ValueSource(strings = {"users", "tenants", "clients", "search"})
    void aGarbledMemberIsNamedButNeverQuoted(String endpoint) {
        String canary = "CANARY-" + platform.apiClient.secret();
        String echo = "\"" + canary + "\"";
        switch (endpoint) {
            case "users" ->
                answer(
                        "/api/2/users/",
                        "{\"id\":\"" + platform.customerUser + "\",\"tenant_id\":" + echo + ",\"enabled\":true}");
            case "tenants" ->
                answer("/api/2/tenants/", "{\"id\":\"" + platform.customerTenant + "\",\"parent_id\":" + echo + "}");
            case "clients" ->
                answer(
                        "/api/2/clients/",
                        "{\"client_id\":\"" + platform.apiClient.clientId() + "\",\"tenant_id\":" + echo + "}");
            default ->
                answer(
                        "/api/2/search",
                        "{\"items\":[{\"obj_type\":\"user\",\"id\":" + echo + ",\"parent_id\":\""
                                + platform.customerTenant + "\",\"login\":\"customer-user\"}]}");
        }
        Throwable thrown =
                endpoint.equals("search") ? catchThrowable(() -> directory.resolveLogin("customer-user")) : diagnose();

        PlatformException e = protocolError(thrown, "is not a UUID");
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("CANARY").doesNotContain(platform.apiClient.secret());
        assertThat(e.toString()).doesNotContain("CANARY");
    }

    @Test
    void otherHitsMayLackWhatTheLookupDoesNotNeed() throws Exception {
        String jdoe = platform.simulator.addUser(platform.customerTenant, "jdoe");
        answer(
                "/api/2/search",
                "{\"items\":[{\"obj_type\":\"user\",\"id\":\"x\"},{\"obj_type\":\"tenant\"},\"odd\","
                        + "{\"obj_type\":\"user\",\"id\":\"" + jdoe + "\",\"parent_id\":\"" + platform.customerTenant
                        + "\",\"path\":[],\"login\":\"jdoe\"}]}");
        assertThat(directory.resolveLogin("jdoe").id().value()).isEqualTo(jdoe);
    }
}
