package io.jenkins.plugins.platformpassword.client.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.platformpassword.client.ChangeOutcome;
import io.jenkins.plugins.platformpassword.client.FailureKind;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.rotation.FaultyStore.Step;
import io.jenkins.plugins.platformpassword.client.rotation.FaultyStore.When;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.ConnectProxy;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol against the simulator, over real sockets: the happy path, what each kind of
 * platform failure does to the pending entry, and how a later run finishes an interrupted
 * rotation. Crashes at every step boundary are in {@link CrashPointTest}; store failures in
 * {@link RotationStoreFailureTest}.
 */
class PasswordRotationTest {

    private static final String LATER_RUN_FINISHES = "a later run will set it again and finish the rotation";

    private final Supplier<SecretValue> generator = TestPasswords.fresh();
    private RotationPlatform platform;
    private InMemoryRotationStore store;

    @BeforeEach
    void startPlatform() throws Exception {
        platform = RotationPlatform.start();
        store = new InMemoryRotationStore(RotationPlatform.INITIAL_PASSWORD);
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    @Test
    void rotatesToAGeneratedPasswordAndWritesItIntoTheTarget() throws Exception {
        RotationOutcome outcome = rotate(store);

        assertThat(outcome.recovered()).isFalse();
        assertThat(outcome.change().userId()).isEqualTo(platform.user);
        assertThat(platform.activePassword())
                .isEqualTo(store.current())
                .isNotEqualTo(RotationPlatform.INITIAL_PASSWORD);
        assertThat(store.pending()).isEmpty();
        assertThat(platform.simulator.requestCount("POST", platform.passwordPath(platform.user)))
                .isEqualTo(2); // setup + rotation
    }

    @Test
    void eachRotationSetsANewPassword() throws Exception {
        rotate(store);
        SecretValue first = store.current();
        rotate(store);

        assertThat(store.current()).isNotEqualTo(first);
        assertThat(platform.activePassword()).isEqualTo(store.current());
    }

    @Test
    void serverErrorsKeepThePendingPasswordAndSayALaterRunFinishes() throws Exception {
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault(platform.passwordPath(platform.user), Fault.status(503));
        }

        RotationException stopped = rotateExpectingFailure(store);

        assertThat(stopped.platformFailure()).contains(FailureKind.UNAVAILABLE);
        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT_OR_PENDING);
        assertThat(stopped).hasMessageContaining(LATER_RUN_FINISHES).hasMessageContaining("HTTP 503");
        assertThat(store.pending()).isPresent();
        assertThat(platform.activePassword()).isEqualTo(store.current());
        assertFinishedByALaterRun();
    }

    @Test
    void aHungPlatformKeepsThePendingPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault(platform.passwordPath(platform.user), Fault.hang());
        }

        RotationException stopped;
        try (PlatformClient impatient =
                platform.client(platform.settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)))) {
            stopped = catchThrowableOfType(
                    RotationException.class,
                    () -> new PasswordRotation(store).rotate(impatient, platform.user, generator));
        }

        assertThat(stopped.platformFailure()).contains(FailureKind.TIMEOUT);
        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT_OR_PENDING);
        assertThat(stopped).hasMessageContaining(LATER_RUN_FINISHES);
        assertThat(store.pending()).isPresent();
        assertFinishedByALaterRun();
    }

    @Test
    void aDefinitiveRefusalRemovesThePendingPassword() throws Exception {
        // The platform changes passwords only for users in sub-tenants of the API client's tenant: 403.
        RotationException stopped = catchThrowableOfType(RotationException.class, () -> {
            try (PlatformClient client = platform.client()) {
                new PasswordRotation(store).rotate(client, platform.ownTenantUser, generator);
            }
        });

        assertThat(stopped.platformFailure()).contains(FailureKind.FORBIDDEN);
        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT);
        assertThat(stopped)
                .hasMessageContaining("pending credential was removed")
                .hasMessageContaining("HTTP 403");
        assertThat(store.pending()).isEmpty();
        assertThat(store.current()).isEqualTo(RotationPlatform.INITIAL_PASSWORD);
        assertThat(platform.passwordOf(platform.ownTenantUser)).isEmpty();
    }

    @Test
    void aProxyThatRefusesJenkinsCredentialsRemovesThePendingPassword() throws Exception {
        // A 407 comes from the proxy: the request never reached the platform.
        try (ConnectProxy proxy = ConnectProxy.start("proxy-user", "right-password");
                PlatformClient behindProxy = platform.client(platform.settings()
                        .withProxy(
                                ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())),
                                new Authenticator() {
                                    @Override
                                    protected PasswordAuthentication getPasswordAuthentication() {
                                        return new PasswordAuthentication("proxy-user", "wrong".toCharArray());
                                    }
                                }))) {
            RotationException stopped = catchThrowableOfType(
                    RotationException.class,
                    () -> new PasswordRotation(store).rotate(behindProxy, platform.user, generator));

            assertThat(stopped.platformFailure()).contains(FailureKind.PROXY);
            assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT);
            assertThat(store.pending()).isEmpty();
            assertThat(platform.activePassword()).isEqualTo(RotationPlatform.INITIAL_PASSWORD);
        }
    }

    @Test
    void aPolicyRefusalRemovesThePendingPassword() throws Exception {
        RotationException stopped = rotateExpectingFailure(store, () -> SecretValue.of("short-pw"));

        assertThat(stopped.platformFailure()).contains(FailureKind.REJECTED);
        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT);
        assertThat(store.pending()).isEmpty();
        assertThat(platform.activePassword())
                .isEqualTo(RotationPlatform.INITIAL_PASSWORD)
                .isEqualTo(store.current());
    }

    @Test
    void aRefusalAfterARetriedAttemptKeepsThePendingPassword() throws Exception {
        // The 503 might have come after the platform saved the password; the later 400 cannot undo that.
        platform.simulator.enqueueFault(platform.passwordPath(platform.user), Fault.status(503));
        platform.simulator.enqueueFault(platform.passwordPath(platform.user), Fault.status(400));

        RotationException stopped = rotateExpectingFailure(store);

        assertThat(stopped.platformFailure()).contains(FailureKind.REJECTED);
        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT_OR_PENDING);
        assertThat(store.pending()).isPresent();
        assertFinishedByALaterRun();
    }

    @Test
    void aRefusalAfterOnlyClearAnswersRemovesThePendingPassword() throws Exception {
        // A 429 and a 408 say the request was not acted on: the 400 that follows is the whole story.
        platform.simulator.enqueueFault(platform.passwordPath(platform.user), Fault.tooManyRequests("0"));
        platform.simulator.enqueueFault(platform.passwordPath(platform.user), Fault.status(408));
        platform.simulator.enqueueFault(platform.passwordPath(platform.user), Fault.status(400));

        RotationException stopped = rotateExpectingFailure(store);

        assertThat(stopped.platformFailure()).contains(FailureKind.REJECTED);
        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT);
        assertThat(stopped).hasMessageContaining("pending credential was removed");
        assertThat(store.pending()).isEmpty();
        assertThat(platform.activePassword()).isEqualTo(RotationPlatform.INITIAL_PASSWORD);
    }

    @Test
    void aRequestTooLargeForAProxyRemovesThePendingPassword() throws Exception {
        platform.simulator.enqueueFault(platform.passwordPath(platform.user), Fault.status(413));

        RotationException stopped = rotateExpectingFailure(store);

        assertThat(stopped.platformFailure()).contains(FailureKind.PROTOCOL);
        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT);
        assertThat(store.pending()).isEmpty();
    }

    @Test
    void aRefusalWhileFinishingKeepsThePendingPasswordBecauseItMayBeActive() throws Exception {
        // The interrupted run changed the platform and died before promoting: pending is the only copy.
        assertThatThrownBy(() -> rotate(FaultyStore.crashing(store, Step.PROMOTE, When.BEFORE_WRITE)))
                .isInstanceOf(SimulatedCrash.class);
        SecretValue pending = store.pending().orElseThrow();
        assertThat(platform.activePassword()).isEqualTo(pending);
        platform.simulator.enqueueFault(platform.passwordPath(platform.user), Fault.status(403));

        RotationException stopped = rotateExpectingFailure(store);

        assertThat(stopped.platformFailure()).contains(FailureKind.FORBIDDEN);
        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT_OR_PENDING);
        assertThat(stopped).hasMessageContaining("The pending credential is kept");
        assertThat(store.pending()).contains(pending);
        assertThat(platform.activePassword()).isEqualTo(pending);
        assertFinishedByALaterRun();
    }

    @Test
    void finishingAPendingRotationDoesNotGenerateAnotherPassword() throws Exception {
        SecretValue pending = TestPasswords.fresh().get();
        InMemoryRotationStore interrupted =
                InMemoryRotationStore.withPending(RotationPlatform.INITIAL_PASSWORD, pending, platform.subject());

        RotationOutcome outcome = rotate(interrupted, () -> {
            throw new AssertionError("a run that finishes a pending rotation must not generate a password");
        });

        assertThat(outcome.recovered()).isTrue();
        assertThat(interrupted.current()).isEqualTo(pending);
        assertThat(interrupted.pending()).isEmpty();
        assertThat(platform.activePassword()).isEqualTo(pending);
    }

    @Test
    void settingThePasswordThePlatformAlreadyHasIsHarmless() throws Exception {
        NewPassword same = NewPassword.of(TestPasswords.fresh().get());
        int before = platform.passwordChanges();
        try (PlatformClient client = platform.client()) {
            ChangeOutcome first = client.changePassword(platform.user, same);
            ChangeOutcome second = client.changePassword(platform.user, same);
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(second.attempts()).isEqualTo(1);
        }
        assertThat(platform.passwordChanges()).isEqualTo(before + 2);
        assertThat(platform.activePassword()).isEqualTo(same.value());
    }

    @Test
    void aBlankPendingPasswordIsNotSentAndIsLeftForAPersonToDelete() throws Exception {
        InMemoryRotationStore broken = InMemoryRotationStore.withPending(
                RotationPlatform.INITIAL_PASSWORD, SecretValue.of(" \t "), platform.subject());
        int before = platform.passwordChanges();

        RotationException stopped = rotateExpectingFailure(broken);

        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT);
        assertThat(stopped).hasMessageContaining("Delete the pending credential");
        assertThat(platform.passwordChanges()).isEqualTo(before);
        assertThat(broken.pending()).isPresent();
    }

    @Test
    void aPendingRotationRecordsWhoseItIs() throws Exception {
        assertThatThrownBy(() -> rotate(FaultyStore.crashing(store, Step.PROMOTE, When.BEFORE_WRITE)))
                .isInstanceOf(SimulatedCrash.class);

        assertThat(store.pendingSubject()).contains(platform.subject());
        assertThat(platform.subject().userId()).isEqualTo(platform.user.value());
    }

    @Test
    void aPendingPasswordOfAnotherUserIsNeverSetOnThisOne() throws Exception {
        SecretValue pending = TestPasswords.fresh().get();
        RotationSubject otherUser =
                new RotationSubject(platform.subject().dataCenter(), platform.ownTenantUser.value());
        InMemoryRotationStore copiedJob =
                InMemoryRotationStore.withPending(RotationPlatform.INITIAL_PASSWORD, pending, otherUser);
        int before = platform.passwordChanges();
        long requestsBefore = platform.simulator.requestCount("POST", "/api/2/users/");

        RotationException stopped = rotateExpectingFailure(copiedJob);

        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT_OR_PENDING);
        assertThat(stopped)
                .hasMessageContaining("pending password from an interrupted rotation of " + otherUser)
                .hasMessageContaining("This run changed nothing")
                .hasMessageNotContaining(pending.reveal());
        assertThat(platform.passwordChanges()).isEqualTo(before);
        assertThat(platform.simulator.requestCount("POST", "/api/2/users/")).isEqualTo(requestsBefore);
        assertThat(platform.passwordOf(platform.ownTenantUser)).isEmpty();
        assertThat(copiedJob.pending()).contains(pending);
        assertThat(copiedJob.current()).isEqualTo(RotationPlatform.INITIAL_PASSWORD);
    }

    @Test
    void aPendingPasswordForAnotherDataCenterIsNeverSetHere() throws Exception {
        SecretValue pending = TestPasswords.fresh().get();
        RotationSubject elsewhere = new RotationSubject("https://eu8-cloud.example.com", platform.user.value());
        InMemoryRotationStore copiedJob =
                InMemoryRotationStore.withPending(RotationPlatform.INITIAL_PASSWORD, pending, elsewhere);
        int before = platform.passwordChanges();

        RotationException stopped = rotateExpectingFailure(copiedJob);

        assertThat(stopped).hasMessageContaining("of user " + platform.user + " at https://eu8-cloud.example.com");
        assertThat(platform.passwordChanges()).isEqualTo(before);
        assertThat(copiedJob.pending()).contains(pending);
    }

    @Test
    void aPendingPasswordThatDoesNotSayWhoseItIsIsNotSet() throws Exception {
        SecretValue pending = TestPasswords.fresh().get();
        InMemoryRotationStore legacy =
                InMemoryRotationStore.withPending(RotationPlatform.INITIAL_PASSWORD, pending, null);
        int before = platform.passwordChanges();

        RotationException stopped = rotateExpectingFailure(legacy);

        assertThat(stopped).hasMessageContaining("does not record whose password it is");
        assertThat(platform.passwordChanges()).isEqualTo(before);
        assertThat(legacy.pending()).contains(pending);
    }

    @Test
    void aBlankGeneratedPasswordIsRefusedBeforeAnythingIsStored() throws Exception {
        int before = platform.passwordChanges();

        assertThatThrownBy(() -> rotate(store, () -> SecretValue.of("   "))).isInstanceOf(InvalidInputException.class);

        assertThat(store.pending()).isEmpty();
        assertThat(platform.passwordChanges()).isEqualTo(before);
    }

    /** A run with a fresh client, as after a restart, finishes the rotation with the pending password. */
    private void assertFinishedByALaterRun() throws Exception {
        SecretValue pending = store.pending().orElseThrow();
        RotationOutcome outcome;
        try (PlatformClient restarted = platform.restartedClient()) {
            outcome = new PasswordRotation(store).rotate(restarted, platform.user, generator);
        }
        assertThat(outcome.recovered()).isTrue();
        assertThat(store.current()).isEqualTo(pending);
        assertThat(platform.activePassword()).isEqualTo(store.current());
        assertThat(store.pending()).isEmpty();
    }

    private RotationOutcome rotate(RotationStore on) throws Exception {
        return rotate(on, generator);
    }

    private RotationOutcome rotate(RotationStore on, Supplier<SecretValue> with) throws Exception {
        return rotate(on, platform.user, with);
    }

    private RotationOutcome rotate(RotationStore on, UserId user, Supplier<SecretValue> with) throws Exception {
        try (PlatformClient client = platform.client()) {
            return new PasswordRotation(on).rotate(client, user, with);
        }
    }

    private RotationException rotateExpectingFailure(RotationStore on) {
        return rotateExpectingFailure(on, generator);
    }

    private RotationException rotateExpectingFailure(RotationStore on, Supplier<SecretValue> with) {
        RotationException stopped = catchThrowableOfType(RotationException.class, () -> rotate(on, with));
        assertThat(stopped)
                .as("the rotation should have stopped with a RotationException")
                .isNotNull();
        return stopped;
    }
}
