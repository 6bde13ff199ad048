package io.jenkins.plugins.platformpassword.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells waiting handlers (latency, hangs, slow bodies) that the simulator is closing, so that
 * {@code close()} returns promptly instead of waiting for them.
 */
final class ShutdownSignal {

    private final CountDownLatch closing = new CountDownLatch(1);

    void fire() {
        closing.countDown();
    }

    boolean isFired() {
        return closing.getCount() == 0;
    }

    /** Waits for the given time; false when the simulator closed (or the thread was interrupted) meanwhile. */
    boolean pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return !isFired();
        }
        try {
            return !closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the simulator closes. */
    void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
