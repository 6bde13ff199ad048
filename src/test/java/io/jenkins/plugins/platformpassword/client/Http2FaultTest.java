package io.jenkins.plugins.platformpassword.client;

import static io.jenkins.plugins.platformpassword.client.CallInThread.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.transport.PlatformConnections;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import io.jenkins.plugins.platformpassword.simulator.HttpVersions;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The body faults of {@link FaultMatrixTest} and the aborts of {@link AbortTest}, over HTTP/2 on
 * TLS, where the connection carries several streams: a cut body is a reset stream rather than a
 * closed socket, and a server that goes away says so with a GOAWAY.
 */
class Http2FaultTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));
    private static final String ERROR_BODY = "{\"error\":{\"code\":1000,\"domain\":\"PlatformAccountServer\","
            + "\"message\":\"x\",\"details\":{\"info\":\"y\"}}}";

    private final SimulatedPlatform platform = SimulatedPlatform.overTls(HttpVersions.HTTP_2_AND_HTTP_1_1);

    @AfterEach
    void stop() {
        platform.close();
    }

    record Row(String name, List<Fault> faults, FailureKind kind, String phrase, int requestsSeen, Duration bound) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rows() {
        Duration quick = Duration.ofSeconds(2);
        Duration threeTimeouts = REQUEST_TIMEOUT.multipliedBy(3).plusSeconds(1);
        return Stream.of(
                row(
                        "slow trickle three times",
                        List.of(trickle(), trickle(), trickle()),
                        // The 500 had arrived: the status is kept, the stalled body is named.
                        FailureKind.UNAVAILABLE,
                        "did not arrive completely",
                        3,
                        threeTimeouts),
                // Java 17 sees the reset while reading the body; Java 25 may see it before handing the body over.
                row(
                        "cut mid-body (stream reset) three times",
                        List.of(cut(), cut(), cut()),
                        FailureKind.UNAVAILABLE,
                        "the connection to 127.0.0.1",
                        3,
                        quick),
                row("cut mid-body then success", List.of(cut()), null, null, 2, quick),
                row(
                        "hang three times",
                        List.of(Fault.hang(), Fault.hang(), Fault.hang()),
                        FailureKind.TIMEOUT,
                        "no answer from 127.0.0.1",
                        3,
                        threeTimeouts),
                row(
                        "oversized body",
                        List.of(Fault.oversizedBody(400, 8 * 1024 * 1024)),
                        FailureKind.REJECTED,
                        "...",
                        1,
                        quick),
                row("dropped connection then success", List.of(Fault.dropConnection()), null, null, 2, quick),
                row(
                        "GOAWAY without processing the change, then success",
                        List.of(Fault.goAwayUnprocessed()),
                        null,
                        null,
                        2,
                        quick));
    }

    private static Arguments row(
            String name, List<Fault> faults, FailureKind kind, String phrase, int seen, Duration bound) {
        return Arguments.of(new Row(name, faults, kind, phrase, seen, bound));
    }

    private static Fault trickle() {
        return Fault.trickle(500, ERROR_BODY, Duration.ofMillis(50));
    }

    private static Fault cut() {
        return Fault.cutMidBody(500, "application/json", ERROR_BODY);
    }

    private ClientSettings shortTimeouts() {
        return platform.settings()
                .withTimeouts(Duration.ofSeconds(1), REQUEST_TIMEOUT)
                .withDeadline(Duration.ofSeconds(5))
                .withMaxBodyBytes(4096);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachBodyFaultEndsAsExpectedWithinItsBound(Row row) throws Exception {
        try (PlatformConnections connections = new PlatformConnections()) {
            // The token first, so that the faults meet an HTTP/2 connection that is already open.
            try (PlatformClient warmUp = platform.client(shortTimeouts(), connections)) {
                warmUp.verifyCredentials();
            }
            row.faults().forEach(fault -> platform.simulator.enqueueFault("/api/2/users/", fault));
            PlatformException failure = null;
            long started = System.nanoTime();
            try (PlatformClient client = platform.client(shortTimeouts(), connections)) {
                client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
            } catch (PlatformException e) {
                failure = e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("time taken").isLessThan(row.bound());
            if (row.kind() == null) {
                assertThat(failure).as("the change succeeds").isNull();
            } else {
                assertThat(failure).as("the change fails").isNotNull();
                assertThat(failure.kind()).isEqualTo(row.kind());
                assertThat(failure.getMessage()).contains(row.phrase());
            }
        }
        assertThat(platform.passwordRequests()).as("password requests seen").isEqualTo(row.requestsSeen());
        assertThat(platform.simulator.requests())
                .allSatisfy(r -> assertThat(r.protocol()).isEqualTo("HTTP/2.0"));
        if (row.kind() == null) {
            assertThat(platform.simulator.passwordOf(platform.customerUser)).isPresent();
        }
    }

    @Test
    void aGoAwayBetweenTokenAndChangeMovesTheChangeToANewConnection() throws Exception {
        platform.simulator.enqueueFault("/api/2/idp/token", Fault.goAwayAfterAnswer());
        try (PlatformClient client = platform.client(shortTimeouts())) {
            ChangeOutcome outcome = client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
            // The change may leave before the GOAWAY arrives; the server then refuses its stream
            // unprocessed, and the one retry goes over a new connection.
            assertThat(outcome.attempts()).isBetween(1, 2);
        }
        List<RecordedRequest> requests = platform.simulator.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).clientPort())
                .as("the change the server processed came over a new connection")
                .isNotEqualTo(requests.get(0).clientPort());
        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains("New-Passw0rd-for-test");
    }

    @Test
    void aChangeThatCrossedAGoAwayIsSentAgainOverANewConnection() throws Exception {
        platform.simulator.enqueueFault("/api/2/idp/token", Fault.goAwayCrossingTheNextRequest());
        try (PlatformClient client = platform.client(shortTimeouts())) {
            client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
        }
        List<RecordedRequest> requests = platform.simulator.requests();
        assertThat(requests)
                .as("the refused change is not processed, so not recorded")
                .hasSize(2);
        assertThat(requests.get(1).clientPort()).isNotEqualTo(requests.get(0).clientPort());
        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains("New-Passw0rd-for-test");
    }

    @Test
    void aStreamResetLeavesTheConnectionToTheNextRequest() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.oversizedBody(400, 8 * 1024 * 1024));
        ClientSettings settings = platform.settings().withMaxBodyBytes(4096);
        try (PlatformConnections connections = new PlatformConnections()) {
            try (PlatformClient first = platform.client(settings, connections)) {
                first.changePassword(UserId.parse(platform.customerUser), PASSWORD);
            } catch (PlatformException expected) {
                assertThat(expected.kind()).isEqualTo(FailureKind.REJECTED);
            }
            try (PlatformClient second = platform.client(settings, connections)) {
                second.changePassword(UserId.parse(platform.customerUser), PASSWORD);
            }
        }
        assertThat(platform.simulator.requests().stream()
                        .map(RecordedRequest::clientPort)
                        .distinct())
                .as("the oversized answer's stream was reset, its connection kept")
                .hasSize(1);
    }

    @Test
    void anAbortWhileWaitingForTheHeadersEndsTheCall() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.hang());
        abortWhileOnTheWire(0);
    }

    @Test
    void anAbortWhileTheBodyTricklesInEndsTheCall() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.trickle(500, ERROR_BODY, Duration.ofMillis(300)));
        abortWhileOnTheWire(600);
    }

    private void abortWhileOnTheWire(long settleMillis) throws Exception {
        ClientSettings patient = platform.settings()
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .withDeadline(Duration.ofSeconds(60));
        try (PlatformClient client = platform.client(patient)) {
            CallInThread build =
                    CallInThread.start(() -> client.changePassword(UserId.parse(platform.customerUser), PASSWORD));
            waitUntil(() -> platform.passwordRequests() == 1);
            Thread.sleep(settleMillis);
            Duration reaction = build.interruptAndAwaitEnd();
            assertThat(reaction).isLessThan(Duration.ofSeconds(1));
            assertThat(build.thrown())
                    .isInstanceOfSatisfying(
                            PlatformException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.ABORTED));
            assertThat(build.interruptedAtEnd()).isTrue();
            Thread.sleep(300);
            assertThat(platform.passwordRequests()).isEqualTo(1);
        }
    }
}
