package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.platformpassword.simulator.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract bounds neither a user's members nor a search's items, so a valid success answer
 * can run past 64 KiB (a search for 100 users already comes near 50 KiB): it is read whole up to
 * {@link ClientSettings#DEFAULT_MAX_BODY_BYTES}, and one longer still is refused for its length,
 * not as broken JSON. Error answers are read to 64 KiB, of which only the start is quoted.
 */
class LargeAnswerTest {

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    /** A valid user answer with {@code policies} access policies of some 350 bytes each. */
    private String userWithPolicies(int policies) {
        StringBuilder json = new StringBuilder("{\"id\":\"" + platform.customerUser + "\",\"tenant_id\":\""
                + platform.customerTenant + "\",\"login\":\"customer-user\",\"enabled\":true,\"access_policies\":[");
        for (int i = 0; i < policies; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(java.util.UUID.randomUUID())
                    .append("\",\"trustee_id\":\"")
                    .append(platform.customerUser)
                    .append("\",\"trustee_type\":\"user\",\"issuer_id\":\"")
                    .append(platform.customerTenant)
                    .append("\",\"tenant_id\":\"")
                    .append(platform.customerTenant)
                    .append("\",\"role_id\":\"backup_user\",\"version\":")
                    .append(i)
                    .append(",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}");
        }
        return json.append("]}").toString();
    }

    @Test
    void aValidAnswerOverSixtyFourKibIsReadWhole() throws Exception {
        String body = userWithPolicies(400);
        assertThat(body.length()).isGreaterThan(128 * 1024);
        platform.simulator.enqueueFault("/api/2/users/", Fault.body(200, "application/json", body));

        try (PlatformClient client = platform.client()) {
            PlatformUser user = client.user(UserId.parse(platform.customerUser));
            assertThat(user.tenantId()).isEqualTo(platform.customerTenant);
        }
    }

    @Test
    void aLongAnswerOtherThanSuccessIsReadOnlyToItsQuotableStart() {
        // Only 204 means success for the change: a 200 is read like an error, to 64 KiB, and screened that far.
        platform.simulator.enqueueFault("/api/2/users/", Fault.body(200, "text/plain", "x".repeat(1_000_000)));

        PlatformException failure;
        try (PlatformClient client = platform.client()) {
            failure = catchThrowableOfType(
                    PlatformException.class,
                    () -> client.changePassword(
                            UserId.parse(platform.customerUser),
                            NewPassword.of(io.jenkins.plugins.platformpassword.client.secrets.SecretValue.of(
                                    "New-Passw0rd-for-test"))));
        }

        assertThat(failure.kind()).isEqualTo(FailureKind.PROTOCOL);
        assertThat(failure.bodyExcerpt())
                .as("quoted, not withheld as if it echoed a secret: 1 MB of it would outrun the screen's budget")
                .hasValueSatisfying(excerpt -> assertThat(excerpt).startsWith("\"xxxx"));
    }

    @Test
    void anAnswerOverTheCapIsRefusedForItsLength() {
        String body = userWithPolicies(4000);
        assertThat(body.length()).isGreaterThan(ClientSettings.DEFAULT_MAX_BODY_BYTES);
        platform.simulator.enqueueFault("/api/2/users/", Fault.body(200, "application/json", body));

        PlatformException failure;
        try (PlatformClient client = platform.client()) {
            failure = catchThrowableOfType(
                    PlatformException.class, () -> client.user(UserId.parse(platform.customerUser)));
        }

        assertThat(failure.kind()).isEqualTo(FailureKind.PROTOCOL);
        assertThat(failure.getMessage())
                .contains("its answer is longer than the 1024 KiB the client reads")
                .doesNotContain("not a JSON object");
    }
}
