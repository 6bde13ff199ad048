package io.jenkins.plugins.platformpassword.client.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.rotation.FaultyStore.Step;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way a rotation ends, with canary passwords (the generated one, the pending one and the
 * one in the target): none appears in an outcome's {@code toString()}, or in an exception's
 * message, {@code toString()}, causes, suppressed exceptions or stack trace, even when the
 * platform echoes the password back in its error bodies.
 */
class RotationSecretCanaryTest {

    enum Ending {
        SUCCESS,
        RECOVERY,
        REFUSED_WITH_ECHO,
        UNAVAILABLE_WITH_ECHO,
        TIMEOUT,
        RECOVERY_REFUSED_WITH_ECHO,
        SAVE_FAILS,
        PROMOTE_FAILS,
        CLEAR_FAILS,
        REFUSED_AND_CLEAR_FAILS,
        BLANK_PENDING
    }

    private final String generated = "Canary-New-" + UUID.randomUUID();
    private final String pending = "Canary-Pending-" + UUID.randomUUID();
    private final String target = "Canary-Target-" + UUID.randomUUID();

    private RotationPlatform platform;

    @BeforeEach
    void startPlatform() throws Exception {
        platform = RotationPlatform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void noPasswordInWhatARotationReports(Ending ending) throws Exception {
        String report = run(ending);

        assertThat(report).isNotBlank();
        assertThat(report).doesNotContain(generated, pending, target, RotationPlatform.INITIAL_PASSWORD.reveal());
    }

    private String run(Ending ending) throws Exception {
        InMemoryRotationStore fresh = new InMemoryRotationStore(SecretValue.of(target));
        InMemoryRotationStore interrupted =
                InMemoryRotationStore.withPending(SecretValue.of(target), SecretValue.of(pending), platform.subject());
        String path = platform.passwordPath(platform.user);
        return switch (ending) {
            case SUCCESS -> report(fresh, platform.user);
            case RECOVERY -> report(interrupted, platform.user);
            case REFUSED_WITH_ECHO -> {
                platform.simulator.enqueueFault(path, echo(400, generated));
                yield report(fresh, platform.user);
            }
            case UNAVAILABLE_WITH_ECHO -> {
                for (int i = 0; i < 3; i++) {
                    platform.simulator.enqueueFault(path, echo(503, generated));
                }
                yield report(fresh, platform.user);
            }
            case TIMEOUT -> {
                for (int i = 0; i < 3; i++) {
                    platform.simulator.enqueueFault(path, Fault.hang());
                }
                yield report(fresh, platform.user, Duration.ofMillis(300));
            }
            case RECOVERY_REFUSED_WITH_ECHO -> {
                platform.simulator.enqueueFault(path, echo(403, pending));
                yield report(interrupted, platform.user);
            }
            case SAVE_FAILS -> report(FaultyStore.failing(fresh, Step.SAVE_PENDING), platform.user);
            case PROMOTE_FAILS -> report(FaultyStore.failing(fresh, Step.PROMOTE), platform.user);
            case CLEAR_FAILS -> report(FaultyStore.failing(interrupted, Step.CLEAR_PENDING), platform.user);
            case REFUSED_AND_CLEAR_FAILS ->
                report(FaultyStore.failing(fresh, Step.CLEAR_PENDING), platform.ownTenantUser);
            case BLANK_PENDING ->
                report(
                        InMemoryRotationStore.withPending(
                                SecretValue.of(target), SecretValue.of("  "), platform.subject()),
                        platform.user);
        };
    }

    private String report(RotationStore store, UserId user) throws Exception {
        return report(store, user, Duration.ofSeconds(5));
    }

    /** What a caller could print: the outcome, or the exception with its whole stack trace. */
    private String report(RotationStore store, UserId user, Duration requestTimeout) throws Exception {
        try (PlatformClient client =
                platform.client(platform.settings().withTimeouts(Duration.ofSeconds(2), requestTimeout))) {
            return new PasswordRotation(store)
                    .rotate(client, user, () -> SecretValue.of(generated))
                    .toString();
        } catch (RotationException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return e + "\n" + e.activePassword() + "\n" + trace;
        }
    }

    /** A platform error whose every field repeats the password, as a careless gateway might. */
    private static Fault echo(int status, String password) {
        String body = "{\"error\":{\"code\":1027,\"domain\":\"" + password + "\",\"message\":\"Password " + password
                + " is not allowed\",\"details\":{\"info\":\"" + password + "\"}}}";
        return Fault.body(status, "application/json", body);
    }
}
