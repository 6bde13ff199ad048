package io.jenkins.plugins.platformpassword.client;

import static io.jenkins.plugins.platformpassword.client.CallInThread.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A build abort (an interrupt of the build's thread) ends a call within a second wherever it
 * arrives: while waiting for the answer's headers, while its body trickles in, while waiting to
 * retry, while waiting for another build's token request. Nothing is sent after it, and the call
 * ends as ABORTED with the thread's interrupt flag still set. Every wait here would last 20 s or
 * more without the abort.
 */
class AbortTest {

    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    private CallInThread change(PlatformClient client) {
        return CallInThread.start(() -> client.changePassword(UserId.parse(platform.customerUser), PASSWORD));
    }

    @Test
    void anAbortWhileWaitingForTheHeadersEndsTheCall() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.hang());
        try (PlatformClient client = platform.client(platform.patientSettings())) {
            CallInThread build = change(client);
            waitUntil(() -> platform.passwordRequests() == 1);
            assertAbortedPromptly(build, 1);
        }
    }

    @Test
    void anAbortWhileTheBodyTricklesInEndsTheCall() throws Exception {
        // Headers at once, then one byte every 200 ms: the whole body would take half a minute.
        platform.simulator.enqueueFault(
                "/api/2/users/", Fault.trickle(500, SimulatedPlatform.SLOW_ERROR_PAGE, Duration.ofMillis(200)));
        try (PlatformClient client = platform.client(platform.patientSettings())) {
            CallInThread build = change(client);
            waitUntil(() -> platform.passwordRequests() == 1);
            Thread.sleep(600); // the client is reading the body by now
            assertAbortedPromptly(build, 1);
        }
    }

    @Test
    void anAbortWhileWaitingToRetryEndsTheCall() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.tooManyRequests("25"));
        try (PlatformClient client = platform.client(platform.patientSettings())) {
            CallInThread build = change(client);
            waitUntil(() -> platform.passwordRequests() == 1);
            Thread.sleep(300); // the 429 has been read; the client waits 25 s before its next attempt
            assertAbortedPromptly(build, 1);
        }
    }

    @Test
    void anAbortWhileWaitingForAnotherBuildsTokenEndsTheCall() throws Exception {
        platform.simulator.enqueueFault("/api/2/idp/token", Fault.hang());
        try (PlatformClient first = platform.client(platform.patientSettings());
                PlatformClient second = platform.client(platform.patientSettings())) {
            CallInThread fetching = change(first);
            waitUntil(() -> platform.tokenRequests() == 1);
            CallInThread waiting = change(second); // waits for the first build's token
            Thread.sleep(300);
            Duration reaction = waiting.interruptAndAwaitEnd();
            assertThat(reaction).isLessThan(Duration.ofSeconds(1));
            assertAborted(waiting);
            Thread.sleep(300);
            assertThat(platform.tokenRequests()).isEqualTo(1);
            assertThat(platform.passwordRequests()).isZero();
            fetching.interruptAndAwaitEnd();
        }
    }

    private void assertAbortedPromptly(CallInThread build, int requestsBefore) throws InterruptedException {
        Duration reaction = build.interruptAndAwaitEnd();
        assertThat(reaction).as("time from the abort to the end of the call").isLessThan(Duration.ofSeconds(1));
        assertAborted(build);
        Thread.sleep(300);
        assertThat(platform.passwordRequests())
                .as("password requests: none after the abort")
                .isEqualTo(requestsBefore);
    }

    private static void assertAborted(CallInThread build) {
        assertThat(build.thrown()).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.ABORTED);
            assertThat(e.getMessage()).contains("no further attempt was made");
        });
        assertThat(build.interruptedAtEnd()).as("the interrupt flag is kept").isTrue();
    }
}
