package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.users.PasswordChanger;
import io.jenkins.plugins.platformpassword.client.users.PreflightMode;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failed change that may have happened all the same says so. An attempt that ends without a
 * clear answer (a 5xx, a dropped connection once the request was sent) may have set the password,
 * and a later attempt can then be refused because of it: reported as a plain refusal, that would
 * tell the person the user still has the old password. Clear answers (a refusal, a 429, a 408, a
 * refused token) and reads leave no doubt.
 */
class ChangeInDoubtTest {

    private static final String CANARY = "New-Passw0rd-canary-in-doubt-4d2e";
    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of(CANARY));
    private static final String PASSWORD_PATH = "/api/2/users/";
    private static final String USED_RECENTLY = "{\"error\":{\"code\":1027,\"domain\":\"PlatformAccountServer\","
            + "\"message\":\"The password was used recently.\",\"details\":{\"info\":\"password history\"}}}";

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    private PlatformException failingChange() {
        try (PlatformClient client = platform.client()) {
            new PasswordChanger(client, PreflightMode.OFF).change(UserId.parse(platform.customerUser), PASSWORD);
        } catch (PlatformException e) {
            return e;
        }
        throw new AssertionError("the change succeeded");
    }

    private PlatformException failingClientLookup() {
        try (PlatformClient client = platform.client()) {
            client.clientTenantId();
        } catch (PlatformException e) {
            return e;
        }
        throw new AssertionError("the lookup succeeded");
    }

    @Test
    void aRefusalAfterAnUnclearAttemptSaysThePasswordMayHaveBeenSet() {
        platform.simulator.enqueueFault(PASSWORD_PATH, Fault.appliedThenStatus(502));
        platform.simulator.enqueueFault(PASSWORD_PATH, Fault.body(400, "application/json", USED_RECENTLY));

        PlatformException failure = failingChange();

        assertThat(platform.simulator.passwordOf(platform.customerUser))
                .as("the first attempt set it")
                .hasValue(CANARY);
        assertThat(failure.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(failure.attempts()).isEqualTo(2);
        assertThat(failure.mayHaveBeenApplied()).isTrue();
        assertThat(failure.getMessage())
                .contains("The password was used recently")
                .contains("An earlier attempt ended without a clear answer, so the platform may have set the new"
                        + " password then, and this refusal may be about that change.")
                .contains("Check whether the new password works before changing it again.")
                .doesNotContain(CANARY);
    }

    @Test
    void aRefusalOfTheOnlyAttemptLeavesNoDoubt() {
        platform.simulator.enqueueFault(PASSWORD_PATH, Fault.body(400, "application/json", USED_RECENTLY));

        PlatformException failure = failingChange();

        assertThat(failure.mayHaveBeenApplied()).isFalse();
        assertThat(failure.getMessage()).doesNotContain("may have set");
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
    }

    @Test
    void aRefusalAfterAClearRetryLeavesNoDoubt() {
        // 429 and 408 both say the request was not acted on; a refused token is no attempt of the change.
        platform.simulator.enqueueFault(PASSWORD_PATH, Fault.tooManyRequests("0"));
        platform.simulator.enqueueFault(PASSWORD_PATH, Fault.status(408));
        platform.simulator.enqueueFault(PASSWORD_PATH, Fault.body(400, "application/json", USED_RECENTLY));

        PlatformException failure = failingChange();

        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(failure.mayHaveBeenApplied()).isFalse();
        assertThat(failure.getMessage()).doesNotContain("may have set");
    }

    @Test
    void givingUpAfterServerErrorsSaysTheChangeMayHaveHappened() {
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault(PASSWORD_PATH, Fault.status(503));
        }

        PlatformException failure = failingChange();

        assertThat(failure.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(failure.mayHaveBeenApplied()).isTrue();
        assertThat(failure.getMessage())
                .contains("Gave up after 3 attempts.")
                .contains("The platform may have set the new password all the same: an attempt ended without a"
                        + " clear answer.");
    }

    @Test
    void aConnectionDroppedAfterTheRequestLeavesTheChangeInDoubt() {
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault(PASSWORD_PATH, Fault.dropConnection());
        }

        PlatformException failure = failingChange();

        assertThat(failure.mayHaveBeenApplied()).isTrue();
        assertThat(failure.getMessage()).contains("may have set the new password all the same");
    }

    @Test
    void aRequestTimeoutIsRetriedAndNeedsNoSecondThought() throws Exception {
        platform.simulator.enqueueFault(PASSWORD_PATH, Fault.status(408));
        try (PlatformClient client = platform.client()) {
            ChangeOutcome outcome = client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
            assertThat(outcome.attempts()).isEqualTo(2);
        }
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(CANARY);
    }

    @Test
    void aFailedReadIsNeverInDoubt() {
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault("/api/2/clients/", Fault.status(503));
        }
        PlatformException e = failingClientLookup();
        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.mayHaveBeenApplied()).isFalse();
    }

    @Test
    void anApiClientRecordAnswered404NamesTheDataCenter() {
        platform.simulator.enqueueFault("/api/2/clients/", Fault.status(404));
        PlatformException e = failingClientLookup();
        assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(e.getMessage()).contains("HTTP 404").contains("names the data center where the API client");
        assertThat(e.mayHaveBeenApplied()).isFalse();
    }

    @Test
    void onlyABadRequestGetsThePasswordPolicyHint() {
        platform.simulator.enqueueFault(PASSWORD_PATH, Fault.status(409));
        PlatformException conflict = failingChange();
        assertThat(conflict.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(conflict.getMessage())
                .contains("HTTP 409")
                .contains("The platform does not document this status for this request")
                .doesNotContain("policy");

        platform.simulator.enqueueFault(PASSWORD_PATH, Fault.status(422));
        assertThat(failingChange().getMessage()).contains("HTTP 422").contains("Its policy asks for at least");

        platform.simulator.enqueueFault(PASSWORD_PATH, Fault.status(413));
        PlatformException tooLarge = failingChange();
        assertThat(tooLarge.kind()).isEqualTo(FailureKind.PROTOCOL);
        assertThat(tooLarge.getMessage()).contains("too large").doesNotContain("policy");
    }
}
