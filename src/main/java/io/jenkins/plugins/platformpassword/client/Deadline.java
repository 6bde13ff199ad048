package io.jenkins.plugins.platformpassword.client;

import java.time.Duration;

/** A point on the monotonic clock after which an operation gives up. Immune to wall-clock changes. */
final class Deadline {

    private final long endNanos;
    private final Duration total;

    private Deadline(long endNanos, Duration total) {
        this.endNanos = endNanos;
        this.total = total;
    }

    static Deadline after(Duration total) {
        return new Deadline(System.nanoTime() + total.toNanos(), total);
    }

    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean allows(Duration wait) {
        return remaining().compareTo(wait) > 0;
    }

    Duration total() {
        return total;
    }
}
