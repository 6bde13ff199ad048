package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import io.jenkins.plugins.platformpassword.simulator.HttpVersions;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A refusal whose body cannot be read is still a refusal. Once a 403 or a 400 status line has
 * arrived, the platform has said no: a body that then breaks off, stalls or comes compressed must
 * not turn it into a broken connection, which would send the new password twice more and tell
 * people that it may now be the user's. A 5xx stays a failure that is retried and in doubt.
 */
class UnreadableRefusalTest {

    private static final String CANARY = "New-Passw0rd-canary-unread-7b1c";
    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of(CANARY));
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
    private static final String ERROR_BODY = "{\"error\":{\"code\":1000,\"domain\":\"PlatformAccountServer\","
            + "\"message\":\"Access denied for " + CANARY + "\",\"details\":{\"info\":\"x\"}}}";

    record Case(String name, Supplier<Fault> fault, int status, FailureKind kind, String phrase) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        Case[] cases = {
            new Case(
                    "403 cut mid-body",
                    () -> Fault.cutMidBody(403, "application/json", ERROR_BODY),
                    403,
                    FailureKind.FORBIDDEN,
                    "the connection to 127.0.0.1"),
            new Case(
                    "403 trickling past the time limit",
                    () -> Fault.trickle(403, ERROR_BODY, Duration.ofMillis(100)),
                    403,
                    FailureKind.FORBIDDEN,
                    "did not arrive completely within 0.5 s"),
            new Case(
                    "400 compressed unasked",
                    () -> Fault.bodyWithHeader(400, "application/json", "abc", "Content-Encoding", "gzip"),
                    400,
                    FailureKind.REJECTED,
                    "compressed although no compression was asked for"),
        };
        return Stream.of("HTTP/1.1", "HTTP/2 over TLS")
                .flatMap(wire -> Stream.of(cases).map(c -> Arguments.of(wire, c)));
    }

    private static SimulatedPlatform platformFor(String wire) {
        return wire.equals("HTTP/1.1")
                ? new SimulatedPlatform()
                : SimulatedPlatform.overTls(HttpVersions.HTTP_2_AND_HTTP_1_1);
    }

    private static ClientSettings shortTimeouts(SimulatedPlatform platform) {
        return platform.settings()
                .withTimeouts(Duration.ofSeconds(1), REQUEST_TIMEOUT)
                .withDeadline(Duration.ofSeconds(10))
                .withRetryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void failsAtOnceAsTheRefusalItIs(String wire, Case refusal) {
        try (SimulatedPlatform platform = platformFor(wire)) {
            for (int i = 0; i < 3; i++) {
                platform.simulator.enqueueFault("/api/2/users/", refusal.fault().get());
            }
            PlatformException failure = failingChange(platform);

            assertThat(platform.passwordRequests()).as("sent once").isEqualTo(1);
            assertThat(failure.kind()).isEqualTo(refusal.kind());
            assertThat(failure.httpStatus()).hasValue(refusal.status());
            assertThat(failure.mayHaveBeenApplied()).isFalse();
            assertThat(failure.getMessage())
                    .contains("HTTP " + refusal.status() + ".")
                    .contains("Its body could not be read")
                    .contains(refusal.phrase())
                    .doesNotContain("may have set")
                    .doesNotContain(CANARY);
            assertThat(String.valueOf(failure.getCause())).doesNotContain(CANARY);
            assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void aServerErrorCutMidBodyIsStillRetriedAndInDoubt(String wire) {
        try (SimulatedPlatform platform = platformFor(wire)) {
            for (int i = 0; i < 3; i++) {
                platform.simulator.enqueueFault("/api/2/users/", Fault.cutMidBody(503, "application/json", ERROR_BODY));
            }
            PlatformException failure = failingChange(platform);

            assertThat(platform.passwordRequests()).isEqualTo(3);
            assertThat(failure.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(failure.httpStatus()).hasValue(503);
            assertThat(failure.mayHaveBeenApplied()).isTrue();
            assertThat(failure.getMessage())
                    .contains("Its body could not be read")
                    .doesNotContain(CANARY);
        }
    }

    static Stream<String> wires() {
        return Stream.of("HTTP/1.1", "HTTP/2 over TLS");
    }

    private static PlatformException failingChange(SimulatedPlatform platform) {
        try (PlatformClient client = platform.client(shortTimeouts(platform))) {
            client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
        } catch (PlatformException e) {
            return e;
        }
        throw new AssertionError("the change succeeded");
    }
}
