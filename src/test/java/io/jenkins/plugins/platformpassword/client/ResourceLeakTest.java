package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client made without shared connections opens its own. After many such clients, the threads
 * each one started (its JDK HTTP client's selector and workers, the timers) must be gone
 * again, or a controller that rotates passwords every hour would slowly fill up with threads.
 * Builds share the controller's connections instead; SharedConnectionsTest covers that.
 */
class ResourceLeakTest {

    private static final int BUILDS = 1_000;

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void threadsReturnToTheBaselineAfterAThousandClients() throws Exception {
        UserId user = UserId.parse(platform.customerUser);
        NewPassword password = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));
        // One change first, so that threads that live for the whole JVM (the simulator's, the JDK's) exist at the
        // baseline.
        try (PlatformClient warmUp = platform.client()) {
            warmUp.changePassword(user, password);
        }
        int baseline = settledThreadCount(0);

        for (int i = 0; i < BUILDS; i++) {
            try (PlatformClient perBuild = platform.client()) {
                perBuild.changePassword(user, password);
            }
        }

        int after = settledThreadCount(baseline);
        assertThat(after)
                .as("live threads after %d clients (baseline %d): %s", BUILDS, baseline, threadNames())
                .isLessThanOrEqualTo(baseline + 2);
        assertThat(platform.simulator.passwordChangeCount(platform.customerUser))
                .isEqualTo(BUILDS + 1);
    }

    /**
     * Threads of closed clients end when they are closed (JDK 21+) or collected (JDK 17): give GC a
     * few chances. The simulator's own request threads are left out: its pool keeps as many as the
     * most requests it had at once, which says nothing about the client.
     */
    private static int settledThreadCount(int target) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int count;
        do {
            System.gc();
            Thread.sleep(200);
            count = clientSideThreads().size();
        } while (count > target + 2 && target > 0 && System.nanoTime() < end);
        return count;
    }

    private static List<String> clientSideThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> !name.startsWith("platform-simulator"))
                .sorted()
                .toList();
    }

    private static String threadNames() {
        return String.join(", ", clientSideThreads());
    }
}
