package io.jenkins.plugins.platformpassword.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The threads the client and the JDK HTTP client under it run on, by name. */
public final class ClientThreads {

    private ClientThreads() {}

    /** Live threads of the client ({@code platform-password-*}) and of JDK HTTP clients ({@code HttpClient-*}). */
    static List<String> names() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("platform-password-") || name.startsWith("HttpClient-"))
                .sorted()
                .collect(Collectors.toList());
    }

    static int count() {
        return names().size();
    }

    /**
     * Waits until at most {@code target} such threads are left, for up to 20 s; on Java 17 a closed
     * JDK client's selector thread ends only when the client is garbage collected, hence the GC.
     */
    static int settle(int target) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int count;
        while ((count = count()) > target && System.nanoTime() < end) {
            System.gc();
            Thread.sleep(100);
        }
        return count;
    }
}
