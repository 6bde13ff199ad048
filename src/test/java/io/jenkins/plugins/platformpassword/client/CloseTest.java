package io.jenkins.plugins.platformpassword.client;

import static io.jenkins.plugins.platformpassword.client.CallInThread.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import io.jenkins.plugins.platformpassword.simulator.HttpVersions;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Closing a client while other threads use it (Jenkins stopping, say) ends their calls within a
 * second, as ABORTED, wherever they are: waiting for headers, reading a slow body, waiting to
 * retry, waiting for another build's token. Nothing is sent after the close, and a close never
 * makes a call last longer than it would have.
 */
class CloseTest {

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
    void closingEndsACallWaitingForTheHeaders() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.hang());
        PlatformClient client = platform.client(platform.patientSettings());
        CallInThread build = change(client);
        waitUntil(() -> platform.passwordRequests() == 1);
        assertEndedByClose(build, client);
    }

    @Test
    void closingEndsACallReadingASlowBody() throws Exception {
        platform.simulator.enqueueFault(
                "/api/2/users/", Fault.trickle(500, SimulatedPlatform.SLOW_ERROR_PAGE, Duration.ofMillis(200)));
        PlatformClient client = platform.client(platform.patientSettings());
        CallInThread build = change(client);
        waitUntil(() -> platform.passwordRequests() == 1);
        Thread.sleep(600); // the body is being read
        assertEndedByClose(build, client);
    }

    /** Over HTTP/2 two builds' bodies arrive on one connection, as streams; a close ends both. */
    @Test
    void closingEndsEveryCallReadingASlowBodyOverHttp2() throws Exception {
        try (SimulatedPlatform tls = SimulatedPlatform.overTls(HttpVersions.HTTP_2_AND_HTTP_1_1)) {
            PlatformClient client = tls.client(tls.patientSettings());
            client.changePassword(UserId.parse(tls.customerUser), PASSWORD); // the token, and the connection
            tls.simulator.enqueueFault(
                    "/api/2/users/", Fault.trickle(500, SimulatedPlatform.SLOW_ERROR_PAGE, Duration.ofMillis(200)));
            tls.simulator.enqueueFault(
                    "/api/2/users/", Fault.trickle(500, SimulatedPlatform.SLOW_ERROR_PAGE, Duration.ofMillis(200)));
            List<CallInThread> builds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                builds.add(CallInThread.start(() -> client.changePassword(UserId.parse(tls.customerUser), PASSWORD)));
            }
            waitUntil(() -> tls.passwordRequests() == 3);
            Thread.sleep(600); // both bodies are being read (the headers come at once)
            long closedAt = System.nanoTime();
            client.close();
            for (CallInThread build : builds) {
                assertThat(build.awaitEnd(closedAt))
                        .as("time from the close to the end of the call")
                        .isLessThan(Duration.ofSeconds(1));
                assertClosed(build);
            }
            Thread.sleep(300);
            assertThat(tls.passwordRequests())
                    .as("nothing is sent after the close")
                    .isEqualTo(3);
            assertThat(tls.simulator.requests())
                    .allSatisfy(r -> assertThat(r.protocol()).isEqualTo("HTTP/2.0"));
            assertThat(tls.simulator.requests().stream()
                            .map(RecordedRequest::clientPort)
                            .distinct())
                    .as("one connection")
                    .hasSize(1);
        }
    }

    @Test
    void closingNeverExtendsASlowReadPastItsTimeLimit() throws Exception {
        // Two builds share a client; one reads a body that takes 20 s, with a 1 s limit. The other
        // build closes the client at once: the slow read must not outlive its limit because of it.
        platform.simulator.enqueueFault(
                "/api/2/users/", Fault.trickle(500, SimulatedPlatform.SLOW_ERROR_PAGE, Duration.ofMillis(200)));
        PlatformClient client = platform.client(platform.settings()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withRetryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)));
        long started = System.nanoTime();
        CallInThread build = change(client);
        waitUntil(() -> platform.passwordRequests() == 1);
        client.close();
        Duration took = build.awaitEnd(started);
        assertThat(took).isLessThan(Duration.ofMillis(1800));
        assertThat(build.thrown()).isInstanceOf(PlatformException.class);
    }

    @Test
    void closingEndsAWaitBeforeARetry() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.tooManyRequests("25"));
        PlatformClient client = platform.client(platform.patientSettings());
        CallInThread build = change(client);
        waitUntil(() -> platform.passwordRequests() == 1);
        Thread.sleep(300); // waiting 25 s for the next attempt
        assertEndedByClose(build, client);
    }

    @Test
    void closingEndsAWaitForAnotherBuildsToken() throws Exception {
        platform.simulator.enqueueFault("/api/2/idp/token", Fault.hang());
        try (PlatformClient fetching = platform.client(platform.patientSettings())) {
            CallInThread first = change(fetching);
            waitUntil(() -> platform.tokenRequests() == 1);
            PlatformClient waiting = platform.client(platform.patientSettings());
            CallInThread second = change(waiting);
            Thread.sleep(300); // the second build waits for the first one's token
            long closedAt = System.nanoTime();
            waiting.close();
            assertThat(second.awaitEnd(closedAt)).isLessThan(Duration.ofSeconds(1));
            assertClosed(second);
            assertThat(platform.tokenRequests()).isEqualTo(1);
            first.interruptAndAwaitEnd();
        }
    }

    private void assertEndedByClose(CallInThread build, PlatformClient client) throws InterruptedException {
        long closedAt = System.nanoTime();
        client.close();
        Duration reaction = build.awaitEnd(closedAt);
        assertThat(reaction).as("time from the close to the end of the call").isLessThan(Duration.ofSeconds(1));
        assertClosed(build);
        Thread.sleep(300);
        assertThat(platform.passwordRequests())
                .as("nothing is sent after the close")
                .isEqualTo(1);
    }

    private static void assertClosed(CallInThread build) {
        assertThat(build.thrown()).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.ABORTED);
            assertThat(e.getMessage()).contains("the client was closed").contains("no further attempt was made");
        });
        assertThat(build.interruptedAtEnd()).as("a close is no interrupt").isFalse();
    }
}
