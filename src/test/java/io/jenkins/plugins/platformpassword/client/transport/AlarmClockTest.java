package io.jenkins.plugins.platformpassword.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline alarms: exact, and while requests keep coming, never the earliest task of the
 * timer thread, which then sleeps until the next beat instead of waking for every request.
 */
class AlarmClockTest {

    private static final long THIRTY_SECONDS = TimeUnit.SECONDS.toNanos(30);

    private final ScheduledThreadPoolExecutor timers = newTimers();
    private final AlarmClock clock = new AlarmClock(timers);

    private static ScheduledThreadPoolExecutor newTimers() {
        // As PlatformConnections makes them.
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
        timers.setKeepAliveTime(5, TimeUnit.SECONDS);
        timers.allowCoreThreadTimeOut(true);
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    @AfterEach
    void shutDown() {
        timers.shutdownNow();
    }

    @Test
    void anAlarmGoesOffAtItsTimeAndACancelledOneDoesNot() throws Exception {
        CountDownLatch rang = new CountDownLatch(1);
        AtomicBoolean cancelledRang = new AtomicBoolean();
        ScheduledFuture<?> cancelled = clock.set(() -> cancelledRang.set(true), TimeUnit.MILLISECONDS.toNanos(100));
        long started = System.nanoTime();
        clock.set(rang::countDown, TimeUnit.MILLISECONDS.toNanos(150));
        cancelled.cancel(false);

        assertThat(rang.await(5, TimeUnit.SECONDS)).isTrue();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(elapsedMillis).isBetween(140L, 5_000L);
        assertThat(cancelledRang).isFalse();
    }

    @Test
    void whileAlarmsAreBeingSetTheEarliestTaskIsTheBeatNotAnAlarm() {
        // A slow beat, so that it cannot go off (and be off the queue for an instant) during the loop.
        long beat = TimeUnit.SECONDS.toNanos(20);
        AlarmClock clock = new AlarmClock(timers, beat);
        for (int i = 0; i < 1_000; i++) {
            ScheduledFuture<?> alarm = clock.set(() -> {}, THIRTY_SECONDS);
            assertThat(earliestDelayNanos()).isLessThanOrEqualTo(beat);
            assertThat(alarm.getDelay(TimeUnit.NANOSECONDS)).isGreaterThan(beat);
            alarm.cancel(false);
        }
        // The cancelled alarms left the queue; only the beat remains.
        assertThat(timers.getQueue()).hasSize(1);
    }

    @Test
    void theBeatGoesOnWhileAlarmsAreSetAndStopsASecondAfterTheLast() throws Exception {
        clock.set(() -> {}, THIRTY_SECONDS).cancel(false);
        assertThat(clock.isBeating()).isTrue();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
        while (System.nanoTime() < until) {
            clock.set(() -> {}, THIRTY_SECONDS).cancel(false);
            Thread.sleep(50);
        }
        assertThat(clock.isBeating()).as("beating after 1.5 s of alarms").isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (clock.isBeating() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(clock.isBeating()).as("beating 5 s after the last alarm").isFalse();
        assertThat(timers.getQueue()).isEmpty();

        // A new alarm starts it again.
        clock.set(() -> {}, THIRTY_SECONDS).cancel(false);
        assertThat(clock.isBeating()).isTrue();
    }

    @Test
    void afterTheTimersAreShutDownAnAlarmIsRefusedAndNoBeatIsLeftRunning() {
        timers.shutdownNow();
        assertThatThrownBy(() -> clock.set(() -> {}, THIRTY_SECONDS)).isInstanceOf(RejectedExecutionException.class);
        assertThat(clock.isBeating()).isFalse();
    }

    private long earliestDelayNanos() {
        return timers.getQueue().stream()
                .map(task -> ((Delayed) task).getDelay(TimeUnit.NANOSECONDS))
                .min(Long::compare)
                .orElseThrow();
    }
}
