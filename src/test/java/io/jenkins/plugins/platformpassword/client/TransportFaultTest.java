package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers that never come, come slowly, break off, or are far too long: none may hold a build. */
class TransportFaultTest {

    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    private ClientSettings shortTimeouts() {
        return platform.settings()
                .withTimeouts(Duration.ofMillis(500), REQUEST_TIMEOUT)
                .withDeadline(Duration.ofSeconds(5));
    }

    private UserId user() {
        return UserId.parse(platform.customerUser);
    }

    private record TimedFailure(PlatformException failure, Duration took) {}

    /** Runs a change that must fail and measures how long it took to fail. */
    private TimedFailure failingChange(PlatformClient client) {
        long started = System.nanoTime();
        try {
            client.changePassword(user(), PASSWORD);
        } catch (PlatformException e) {
            return new TimedFailure(e, Duration.ofNanos(System.nanoTime() - started));
        }
        throw new AssertionError("the change succeeded");
    }

    @Test
    void connectionRefusedIsRetriedThenUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PlatformEndpoint nowhere = PlatformEndpoint.parse("http://127.0.0.1:" + closedPort, true);
        try (PlatformClient client =
                new PlatformClient(nowhere, platform.credentials(), shortTimeouts(), platform.tokens, null)) {
            assertThatThrownBy(() -> client.changePassword(user(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
                        assertThat(e.httpStatus()).isEmpty();
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.getMessage()).contains("could not connect to 127.0.0.1:" + closedPort);
                    });
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheDeadline() {
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault("/api/2/users/", Fault.hang());
        }
        try (PlatformClient client = platform.client(shortTimeouts())) {
            TimedFailure result = failingChange(client);
            Duration took = result.took();
            assertThat(result.failure()).isInstanceOfSatisfying(PlatformException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.getMessage()).contains("no answer from 127.0.0.1");
            });
            // three attempts of 0.5 s each plus two short waits
            assertThat(took).isLessThan(Duration.ofMillis(3 * 500 + 1000));
        }
        assertThat(platform.passwordRequests()).isEqualTo(3);
    }

    @Test
    void aBodyThatTricklesInIsCutOffAtTheRequestTimeout() {
        String body =
                "{\"error\":{\"code\":1000,\"domain\":\"PlatformAccountServer\",\"message\":\"slow\",\"details\":{\"info\":\"x\"}}}";
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault("/api/2/users/", Fault.trickle(500, body, Duration.ofMillis(100)));
        }
        try (PlatformClient client = platform.client(
                shortTimeouts().withRetryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)))) {
            TimedFailure result = failingChange(client);
            Duration took = result.took();
            assertThat(result.failure()).isInstanceOfSatisfying(PlatformException.class, e -> {
                // The status line came in time, so the answer is the 500 it is, its body named as unread.
                assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
                assertThat(e.httpStatus()).hasValue(500);
                assertThat(e.getMessage()).contains("did not arrive completely within 0.5 s");
            });
            assertThat(took).isLessThan(REQUEST_TIMEOUT.plusSeconds(1));
        }
    }

    @Test
    void anAnswerCutMidBodyIsRetried() throws Exception {
        platform.simulator.enqueueFault(
                "/api/2/users/",
                Fault.cutMidBody(500, "application/json", "{\"error\":{\"code\":1000,\"message\":\"broken\"}}"));
        try (PlatformClient client = platform.client(shortTimeouts())) {
            ChangeOutcome outcome = client.changePassword(user(), PASSWORD);
            assertThat(outcome.attempts()).isEqualTo(2);
        }
    }

    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.dropConnection());
        try (PlatformClient client = platform.client(shortTimeouts())) {
            ChangeOutcome outcome = client.changePassword(user(), PASSWORD);
            assertThat(outcome.attempts()).isEqualTo(2);
        }
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "br", "deflate"})
    void aNoContentAnswerIsASuccessWhateverItsContentEncoding(String encoding) throws Exception {
        // A 204 has no body to decode, so a Content-Encoding header on it changes nothing.
        platform.simulator.enqueueFault("/api/2/users/", Fault.noContentWithHeader("Content-Encoding", encoding));
        try (PlatformClient client = platform.client(shortTimeouts())) {
            ChangeOutcome outcome = client.changePassword(user(), PASSWORD);
            assertThat(outcome.attempts()).isEqualTo(1);
        }
        assertThat(platform.passwordRequests()).isEqualTo(1);
    }

    @Test
    void anOversizedBodyIsReadOnlyUpToTheCap() {
        platform.simulator.enqueueFault("/api/2/users/", Fault.oversizedBody(400, 20 * 1024 * 1024));
        try (PlatformClient client = platform.client(shortTimeouts().withMaxBodyBytes(4096))) {
            assertThatThrownBy(() -> client.changePassword(user(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
                        assertThat(e.bodyExcerpt())
                                .hasValueSatisfying(
                                        excerpt -> assertThat(excerpt).contains("..."));
                    });
        }
    }

    @Test
    void anInterruptEndsTheCallPromptlyAndNothingIsRetried() throws Exception {
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault("/api/2/users/", Fault.hang());
        }
        ClientSettings patient = platform.settings()
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .withDeadline(Duration.ofSeconds(60));
        try (PlatformClient client = platform.client(patient)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread build = new Thread(() -> {
                try {
                    client.changePassword(user(), PASSWORD);
                } catch (PlatformException e) {
                    thrown.set(e);
                }
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            build.start();
            waitUntil(() -> platform.passwordRequests() == 1);
            long interruptedAt = System.nanoTime();
            build.interrupt();
            build.join(5000);
            Duration reaction = Duration.ofNanos(System.nanoTime() - interruptedAt);

            assertThat(reaction).isLessThan(Duration.ofSeconds(1));
            assertThat(thrown.get()).isInstanceOfSatisfying(PlatformException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.ABORTED);
                assertThat(e.getMessage()).contains("no further attempt was made");
            });
            assertThat(stillInterrupted.get())
                    .as("the interrupt flag is kept for the caller")
                    .isTrue();
            Thread.sleep(300);
            assertThat(platform.passwordRequests()).isEqualTo(1);
        }
    }

    @Test
    void tlsToAPlainHttpPortFailsAtOnceWithAHint() throws Exception {
        // Like a web server's plain-http port: whatever arrives, it answers in plain text.
        try (ServerSocket plainPort = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerPlainText(plainPort));
            server.setDaemon(true);
            server.start();
            PlatformEndpoint wrongScheme =
                    PlatformEndpoint.parse("https://127.0.0.1:" + plainPort.getLocalPort(), false);
            java.util.List<String> retried = new java.util.concurrent.CopyOnWriteArrayList<>();
            ProgressListener listener = new ProgressListener() {
                @Override
                public void retrying(String failure, int nextAttempt, int maxAttempts, Duration wait) {
                    retried.add(failure);
                }
            };
            try (PlatformClient client = new PlatformClient(
                    wrongScheme, platform.credentials(), shortTimeouts(), platform.tokens, listener)) {
                TimedFailure result = failingChange(client);
                assertThat(result.failure().kind()).isEqualTo(FailureKind.UNAVAILABLE);
                // A TLS failure ends the retries at once. The JDK sometimes reports the first handshake
                // against a plain port as a connection without bytes (retried like any broken
                // connection) and only the second as the TLS error, so one retry may come first.
                assertThat(result.failure().attempts())
                        .as("retried after: %s", retried)
                        .isBetween(1, 2);
                assertThat(retried).allMatch(failure -> !failure.contains("TLS"));
                assertThat(result.failure().getMessage())
                        .contains("the TLS connection to 127.0.0.1")
                        .contains("scheme and port");
                assertThat(result.took()).isLessThan(Duration.ofSeconds(2));
            }
        }
    }

    private static void answerPlainText(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (java.net.Socket connection = socket.accept()) {
                connection.setSoTimeout(2000);
                connection.getInputStream().read(new byte[1024]);
                connection
                        .getOutputStream()
                        .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                connection.getOutputStream().flush();
                // Keep the connection open until the client gives up on it: a reset racing the answer
                // would show up as a broken connection rather than as the TLS failure this test is about.
                while (connection.getInputStream().read(new byte[1024]) != -1) {
                    // drain
                }
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    @Test
    void tooManyRequestsWithoutRetryAfterWaitsTheUsualInterval() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.tooManyRequests(null));
        try (PlatformClient client = platform.client(shortTimeouts())) {
            long started = System.nanoTime();
            ChangeOutcome outcome = client.changePassword(user(), PASSWORD);
            assertThat(outcome.attempts()).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void eachKindOfServerErrorIsRetried() throws Exception {
        for (int status : new int[] {500, 502, 503}) {
            platform.simulator.enqueueFault("/api/2/users/", Fault.status(status));
            try (PlatformClient client = platform.client(shortTimeouts())) {
                assertThat(client.changePassword(user(), PASSWORD).attempts())
                        .as("after HTTP %d", status)
                        .isEqualTo(2);
            }
        }
    }

    @Test
    void aMalformedJsonErrorBodyIsQuotedAsAnExcerpt() {
        platform.simulator.enqueueFault(
                "/api/2/users/",
                Fault.body(400, "application/json", "{\"error\": {\"code\": 1027, \"message\": \"trunc"));
        try (PlatformClient client = platform.client(shortTimeouts())) {
            TimedFailure result = failingChange(client);
            assertThat(result.failure().kind()).isEqualTo(FailureKind.REJECTED);
            assertThat(result.failure().platformError()).isEmpty();
            assertThat(result.failure().bodyExcerpt())
                    .hasValueSatisfying(excerpt -> assertThat(excerpt).contains("trunc"));
        }
    }

    /**
     * The JDK sends a GET once more, with a new request timeout of its own, when a connection from
     * its pool closes before a byte of the answer: its timeout alone would let this attempt last
     * almost twice its limit.
     */
    @Test
    void theJdksOwnRetryOfAReadDoesNotOutliveTheRequestTimeout() throws Exception {
        Duration limit = Duration.ofSeconds(1);
        try (PlatformClient client = platform.client(platform.settings()
                .withTimeouts(limit, limit)
                .withRetryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)))) {
            client.user(user()); // the token, and a connection in the JDK's pool
            platform.simulator.enqueueFault("/api/2/users/", Fault.dropConnectionAfter(Duration.ofMillis(800)));
            platform.simulator.enqueueFault("/api/2/users/", Fault.hang());
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.user(user())).isInstanceOfSatisfying(PlatformException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
                assertThat(e.getMessage()).contains("no answer from 127.0.0.1");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit.plusMillis(500));
            assertThat(platform.simulator.pendingFaults())
                    .as("the JDK sent the read a second time")
                    .isZero();
        }
    }

    @Test
    void theOverallDeadlineBoundsEveryRun() {
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault("/api/2/users/", Fault.hang());
        }
        ClientSettings tight = platform.settings()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withDeadline(Duration.ofMillis(1500));
        try (PlatformClient client = platform.client(tight)) {
            TimedFailure result = failingChange(client);
            assertThat(result.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(result.took()).isLessThan(Duration.ofMillis(1500).plusSeconds(1));
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
