package io.jenkins.plugins.platformpassword.client.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.RetryPolicy;
import io.jenkins.plugins.platformpassword.client.rotation.FaultyStore.Step;
import io.jenkins.plugins.platformpassword.client.rotation.FaultyStore.When;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interrupts a rotation at every step boundary and checks the protocol's two promises: at the
 * moment of the interruption the platform's password is in the store (current or pending), and a
 * later run with the same store and a fresh client (as after a controller restart) leaves the
 * platform and the target credential with the same password and no pending entry.
 *
 * <p>A client cannot be wrapped (it is final), so the platform step is interrupted through the
 * simulator: a change it refuses with 503s, and one it applies after the client has given up
 * waiting (the answer is lost, the password set). A crash while the request is in flight is the
 * same as one of those two, or as the crash in the store call that follows.
 *
 * <p>Prints the results as a Markdown table (docs/rotation.md quotes it).
 */
class CrashPointTest {

    enum CrashPoint {
        NONE("no crash", ActiveCopy.CURRENT, false),
        SAVE_PENDING_BEFORE_WRITE("in savePending, before it writes", ActiveCopy.CURRENT, false),
        SAVE_PENDING_AFTER_WRITE("after savePending, before the platform change", ActiveCopy.CURRENT, true),
        CHANGE_REFUSED_TEMPORARILY("platform change: 503 three times, not applied", ActiveCopy.CURRENT, true),
        CHANGE_APPLIED_ANSWER_LOST("platform change: applied, answer lost (timeout)", ActiveCopy.PENDING, true),
        PROMOTE_BEFORE_WRITE("after the platform change, in promote before it writes", ActiveCopy.PENDING, true),
        PROMOTE_AFTER_WRITE("in promote, after it wrote", ActiveCopy.BOTH, true),
        CLEAR_PENDING_BEFORE_WRITE("after promote, in clearPending before it removes", ActiveCopy.BOTH, true),
        CLEAR_PENDING_AFTER_WRITE("in clearPending, after it removed", ActiveCopy.CURRENT, false);

        final String label;
        final ActiveCopy expectedAtCrash;
        final boolean leavesPending;

        CrashPoint(String label, ActiveCopy expectedAtCrash, boolean leavesPending) {
            this.label = label;
            this.expectedAtCrash = expectedAtCrash;
            this.leavesPending = leavesPending;
        }
    }

    /** Longer than the answer-lost client waits, so the platform applies the password after it gave up. */
    private static final Duration LATE = Duration.ofMillis(1200);

    private static final Map<CrashPoint, String> RESULTS = new ConcurrentSkipListMap<>();

    private final Supplier<SecretValue> generator = TestPasswords.fresh();
    private RotationPlatform platform;

    @BeforeEach
    void startPlatform() throws Exception {
        platform = RotationPlatform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CrashPoint.class)
    void theActivePasswordIsNeverOnlyInMemoryAndALaterRunConverges(CrashPoint point) throws Exception {
        InMemoryRotationStore disk = new InMemoryRotationStore(RotationPlatform.INITIAL_PASSWORD);
        int changesBefore = platform.passwordChanges();

        String firstRun = firstRun(point, disk);
        if (point == CrashPoint.CHANGE_APPLIED_ANSWER_LOST) {
            awaitLateChange(changesBefore);
        }

        ActiveCopy atCrash = ActiveCopy.of(platform.activePassword(), disk);
        boolean pendingLeft = disk.pending().isPresent();
        Optional<SecretValue> interrupted = disk.pending();

        RotationOutcome recovery;
        try (PlatformClient restarted = platform.restartedClient()) {
            recovery = new PasswordRotation(disk).rotate(restarted, platform.user, generator);
        }
        boolean converged = platform.activePassword().equals(disk.current());
        boolean pendingCleared = disk.pending().isEmpty();
        // Recorded before the assertions, so that a broken promise shows in the table too.
        RESULTS.put(
                point,
                "| " + point.label + " | " + firstRun + " | " + atCrash + " | "
                        + (recovery.recovered() ? "finished it (recovered)" : "new rotation") + " | " + yes(converged)
                        + " | "
                        + yes(pendingCleared) + " |");

        assertThat(atCrash)
                .as("where the active password is after: %s", point.label)
                .isEqualTo(point.expectedAtCrash);
        assertThat(pendingLeft).as("pending entry left").isEqualTo(point.leavesPending);
        assertThat(converged).as("platform == current after the later run").isTrue();
        assertThat(pendingCleared).as("pending cleared by the later run").isTrue();
        assertThat(recovery.recovered())
                .as("the later run finished the interrupted rotation")
                .isEqualTo(point.leavesPending);
        interrupted.ifPresent(pending -> assertThat(disk.current())
                .as("the later run finishes with the interrupted run's password, not a new one")
                .isEqualTo(pending));
        assertThat(disk.current()).as("the password was rotated").isNotEqualTo(RotationPlatform.INITIAL_PASSWORD);
    }

    private String firstRun(CrashPoint point, InMemoryRotationStore disk) throws Exception {
        RotationStore store = arm(point, disk);
        try (PlatformClient client =
                point == CrashPoint.CHANGE_APPLIED_ANSWER_LOST ? impatientClient() : platform.client()) {
            new PasswordRotation(store).rotate(client, platform.user, generator);
            return "completed";
        } catch (SimulatedCrash crash) {
            return "crashed";
        } catch (RotationException stopped) {
            ActiveCopy actual = ActiveCopy.of(platform.activePassword(), disk);
            assertThat(actual.agreesWith(stopped.activePassword()))
                    .as("the exception says %s; the password is in %s", stopped.activePassword(), actual)
                    .isTrue();
            return "failed: " + stopped.platformFailure().orElseThrow() + ", " + stopped.activePassword();
        } finally {
            platform.simulator.latency(Duration.ZERO);
        }
    }

    private RotationStore arm(CrashPoint point, InMemoryRotationStore disk) {
        return switch (point) {
            case NONE -> disk;
            case SAVE_PENDING_BEFORE_WRITE -> FaultyStore.crashing(disk, Step.SAVE_PENDING, When.BEFORE_WRITE);
            case SAVE_PENDING_AFTER_WRITE -> FaultyStore.crashing(disk, Step.SAVE_PENDING, When.AFTER_WRITE);
            case CHANGE_REFUSED_TEMPORARILY -> {
                for (int i = 0; i < 3; i++) {
                    platform.simulator.enqueueFault(platform.passwordPath(platform.user), Fault.status(503));
                }
                yield disk;
            }
            case CHANGE_APPLIED_ANSWER_LOST -> {
                platform.simulator.latency(LATE);
                yield disk;
            }
            case PROMOTE_BEFORE_WRITE -> FaultyStore.crashing(disk, Step.PROMOTE, When.BEFORE_WRITE);
            case PROMOTE_AFTER_WRITE -> FaultyStore.crashing(disk, Step.PROMOTE, When.AFTER_WRITE);
            case CLEAR_PENDING_BEFORE_WRITE -> FaultyStore.crashing(disk, Step.CLEAR_PENDING, When.BEFORE_WRITE);
            case CLEAR_PENDING_AFTER_WRITE -> FaultyStore.crashing(disk, Step.CLEAR_PENDING, When.AFTER_WRITE);
        };
    }

    /** One attempt with a short timeout: it gives up long before the slowed-down platform answers. */
    private PlatformClient impatientClient() {
        return platform.client(platform.settings()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
                .withRetryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)));
    }

    /** The simulator applies the password once its latency has passed; wait for that. */
    private void awaitLateChange(int changesBefore) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (platform.passwordChanges() == changesBefore && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        assertThat(platform.passwordChanges())
                .as("the platform applied the password late")
                .isEqualTo(changesBefore + 1);
    }

    private static String yes(boolean value) {
        return value ? "yes" : "NO";
    }

    @AfterAll
    static void printTable() {
        StringBuilder table = new StringBuilder("\nCrash-point results (CrashPointTest):\n\n")
                .append(
                        "| crash point | first run | active password at the crash | later run | platform == current after | pending cleared |\n")
                .append("|---|---|---|---|---|---|\n");
        RESULTS.values().forEach(row -> table.append(row).append('\n'));
        System.out.println(table);
    }
}
