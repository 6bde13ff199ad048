package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the simulator can play on the password endpoint, in one table: the outcome (a
 * failure kind, or success), a phrase of the message, the number of password requests the server
 * saw, and an upper bound on the time taken. With a 500 ms request timeout, 10-20 ms between
 * attempts, a 200 ms Retry-After cap and a 5 s deadline, no row may take longer than its bound.
 */
class FaultMatrixTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
    private static final String ERROR_BODY =
            "{\"error\":{\"code\":1000,\"domain\":\"PlatformAccountServer\",\"message\":\"x\",\"details\":{\"info\":\"y\"}}}";

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    /** A row: what to enqueue, then what must come out. A null kind means the change succeeds. */
    record Row(String name, List<Fault> faults, FailureKind kind, String phrase, int requestsSeen, Duration bound) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rows() {
        Duration quick = Duration.ofSeconds(1);
        return Stream.of(
                row("500 then success", List.of(Fault.status(500)), null, null, 2, quick),
                row("502 then success", List.of(Fault.status(502)), null, null, 2, quick),
                row("503 then success", List.of(Fault.status(503)), null, null, 2, quick),
                row("500, 502 then success", List.of(Fault.status(500), Fault.status(502)), null, null, 3, quick),
                row(
                        "500 three times",
                        List.of(Fault.status(500), Fault.status(500), Fault.status(500)),
                        FailureKind.UNAVAILABLE,
                        "Gave up after 3 attempts",
                        3,
                        quick),
                row(
                        "429 with Retry-After 1 (capped at 200 ms)",
                        List.of(Fault.tooManyRequests("1")),
                        null,
                        null,
                        2,
                        quick),
                row("429 without Retry-After", List.of(Fault.tooManyRequests(null)), null, null, 2, quick),
                row(
                        "429 three times",
                        List.of(Fault.tooManyRequests("0"), Fault.tooManyRequests("0"), Fault.tooManyRequests("0")),
                        FailureKind.UNAVAILABLE,
                        "HTTP 429",
                        3,
                        quick),
                row(
                        "malformed JSON error body",
                        List.of(Fault.body(400, "application/json", "{\"error\": {\"code\"")),
                        FailureKind.REJECTED,
                        "The answer began with",
                        1,
                        quick),
                row(
                        "HTML page from a proxy, three times",
                        List.of(html(), html(), html()),
                        FailureKind.UNAVAILABLE,
                        "Bad Gateway",
                        3,
                        quick),
                row(
                        "200 where 204 is expected",
                        List.of(Fault.body(200, "application/json", "{}")),
                        FailureKind.PROTOCOL,
                        "Only HTTP 204 means success",
                        1,
                        quick),
                row(
                        "201 where 204 is expected",
                        List.of(Fault.body(201, "application/json", "{}")),
                        FailureKind.PROTOCOL,
                        "Only HTTP 204 means success",
                        1,
                        quick),
                row(
                        "401 twice",
                        List.of(Fault.status(401), Fault.status(401)),
                        FailureKind.AUTHENTICATION,
                        "refused a freshly issued access token",
                        2,
                        quick),
                row("401 once", List.of(Fault.status(401)), null, null, 2, quick),
                row("dropped connection then success", List.of(Fault.dropConnection()), null, null, 2, quick),
                row(
                        "cut mid-body three times",
                        List.of(cut(), cut(), cut()),
                        FailureKind.UNAVAILABLE,
                        "broke while the answer was read",
                        3,
                        quick),
                row(
                        "oversized body",
                        List.of(Fault.oversizedBody(400, 8 * 1024 * 1024)),
                        FailureKind.REJECTED,
                        "...",
                        1,
                        Duration.ofSeconds(2)),
                row(
                        "hang three times",
                        List.of(Fault.hang(), Fault.hang(), Fault.hang()),
                        FailureKind.TIMEOUT,
                        "no answer from 127.0.0.1",
                        3,
                        REQUEST_TIMEOUT.multipliedBy(3).plusSeconds(1)),
                row(
                        "slow trickle three times",
                        List.of(trickle(), trickle(), trickle()),
                        // The 500 had arrived: the status is kept, the stalled body is named.
                        FailureKind.UNAVAILABLE,
                        "did not arrive completely",
                        3,
                        REQUEST_TIMEOUT.multipliedBy(3).plusSeconds(1)));
    }

    private static Arguments row(
            String name, List<Fault> faults, FailureKind kind, String phrase, int seen, Duration bound) {
        return Arguments.of(new Row(name, faults, kind, phrase, seen, bound));
    }

    private static Fault html() {
        return Fault.body(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
    }

    private static Fault cut() {
        return Fault.cutMidBody(500, "application/json", ERROR_BODY);
    }

    private static Fault trickle() {
        return Fault.trickle(500, ERROR_BODY, Duration.ofMillis(50));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachFaultEndsAsExpectedWithinItsBound(Row row) {
        row.faults().forEach(fault -> platform.simulator.enqueueFault("/api/2/users/", fault));
        ClientSettings settings = platform.settings()
                .withTimeouts(Duration.ofMillis(500), REQUEST_TIMEOUT)
                .withDeadline(Duration.ofSeconds(5))
                .withMaxBodyBytes(4096);
        PlatformException failure = null;
        long started = System.nanoTime();
        try (PlatformClient client = platform.client(settings)) {
            client.changePassword(
                    UserId.parse(platform.customerUser), NewPassword.of(SecretValue.of("New-Passw0rd-for-test")));
        } catch (PlatformException e) {
            failure = e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("time taken").isLessThan(row.bound());
        assertThat(platform.passwordRequests())
                .as("password requests the server saw")
                .isEqualTo(row.requestsSeen());
        Consumer<PlatformException> expectation = e -> {
            assertThat(e.kind()).isEqualTo(row.kind());
            assertThat(e.getMessage()).contains(row.phrase());
        };
        if (row.kind() == null) {
            assertThat(failure).as("the change succeeds").isNull();
            assertThat(platform.simulator.passwordOf(platform.customerUser)).isPresent();
        } else {
            assertThat(failure).as("the change fails").isNotNull().satisfies(expectation);
        }
    }
}
