package io.jenkins.plugins.platformpassword.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The front's arithmetic, exactly: what a network with this round trip would do to each chunk. */
class ChunkScheduleTest {

    private static final long MS = 1_000_000;
    private static final long CONNECTED = 5_000 * MS;

    @Test
    void theFirstChunkWaitsForTheHandshakeAndThenHalfARoundTrip() {
        ChunkSchedule schedule = new ChunkSchedule(CONNECTED, Duration.ofMillis(20));

        assertThat(schedule.dueAt(CONNECTED + MS)).isEqualTo(CONNECTED + 30 * MS);
    }

    @Test
    void aChunkAfterTheHandshakeTakesHalfARoundTrip() {
        ChunkSchedule schedule = new ChunkSchedule(CONNECTED, Duration.ofMillis(20));
        schedule.dueAt(CONNECTED);

        assertThat(schedule.dueAt(CONNECTED + 100 * MS)).isEqualTo(CONNECTED + 110 * MS);
    }

    @Test
    void aChunkReadWhileAnotherIsOnItsWayIsNotHeldUpByIt() {
        ChunkSchedule schedule = new ChunkSchedule(CONNECTED, Duration.ofMillis(20));
        long first = schedule.dueAt(CONNECTED + 40 * MS);
        long second = schedule.dueAt(CONNECTED + 42 * MS);

        assertThat(first).isEqualTo(CONNECTED + 50 * MS);
        assertThat(second)
                .as("its own half round trip, not the first's plus its own")
                .isEqualTo(CONNECTED + 52 * MS);
    }

    @Test
    void chunksSentDuringTheHandshakeArriveTogetherAndInOrder() {
        ChunkSchedule schedule = new ChunkSchedule(CONNECTED, Duration.ofMillis(20));

        assertThat(schedule.dueAt(CONNECTED + 2 * MS)).isEqualTo(CONNECTED + 30 * MS);
        assertThat(schedule.dueAt(CONNECTED + 5 * MS)).isEqualTo(CONNECTED + 30 * MS);
    }

    @Test
    void atZeroRoundTripEveryChunkIsDueWhenItWasRead() {
        ChunkSchedule schedule = new ChunkSchedule(CONNECTED, Duration.ZERO);

        assertThat(schedule.dueAt(CONNECTED)).isEqualTo(CONNECTED);
        assertThat(schedule.dueAt(CONNECTED + 3)).isEqualTo(CONNECTED + 3);
    }

    @Test
    void nanoTimeMayBeNegative() {
        long connected = Long.MIN_VALUE / 2;
        ChunkSchedule schedule = new ChunkSchedule(connected, Duration.ofMillis(20));

        assertThat(schedule.dueAt(connected + 100 * MS)).isEqualTo(connected + 110 * MS);
    }
}
