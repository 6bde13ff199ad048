package io.jenkins.plugins.platformpassword.benchmark;

import java.time.Duration;

/**
 * When the {@link LatencyFront} passes on a chunk it read from one side of a connection: half a
 * round trip after it was read (the way there), and never before the connection's TCP handshake
 * would have completed, one round trip after the connect. So a client that sends at once after
 * its connect sees its first byte arrive one and a half round trips later, as on a network.
 * Chunks of one direction never overtake each other. Times are {@link System#nanoTime()} values.
 */
final class ChunkSchedule {

    private final long usableAt;
    private final long oneWay;
    private long lastDue;
    private boolean any;

    /**
     * @param connectedAt when the front accepted the connection
     * @param roundTrip   the round-trip time the front adds
     */
    ChunkSchedule(long connectedAt, Duration roundTrip) {
        long rtt = roundTrip.toNanos();
        this.usableAt = connectedAt + rtt;
        this.oneWay = rtt / 2;
    }

    /** When the chunk read at {@code readAt} is to be written on; at zero latency, at once. */
    long dueAt(long readAt) {
        long due = (readAt - usableAt > 0 ? readAt : usableAt) + oneWay;
        if (any && lastDue - due > 0) {
            due = lastDue;
        }
        lastDue = due;
        any = true;
        return due;
    }
}
