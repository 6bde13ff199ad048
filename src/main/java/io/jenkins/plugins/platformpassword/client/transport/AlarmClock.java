package io.jenkins.plugins.platformpassword.client.transport;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sets the alarms of requests' deadlines on the controller's timer thread without waking that
 * thread for each request.
 *
 * <p>A {@link ScheduledThreadPoolExecutor} wakes its thread whenever a new task becomes the
 * earliest one queued, so that the thread can sleep until then instead. A request's alarm is its
 * timeout, seconds away, and is cancelled long before it is due in nearly every case: waking the
 * thread for it bought nothing, and on this machine the wake-up cost a later build about a tenth
 * of its CPU time. So while alarms keep being set, a beat runs every second, always ahead of them:
 * a new alarm is then never the earliest task, and the thread sleeps until the next beat. The beat
 * stops after a second in which no alarm was set. Alarms still go off at their exact time; an
 * alarm less than a second away just wakes the thread, as before.
 */
final class AlarmClock {

    static final long BEAT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ScheduledThreadPoolExecutor timers;
    private final long beatNanos;
    private final AtomicBoolean beating = new AtomicBoolean();
    private final AtomicBoolean setSinceLastBeat = new AtomicBoolean();

    AlarmClock(ScheduledThreadPoolExecutor timers) {
        this(timers, BEAT_NANOS);
    }

    /** With another beat, for tests. */
    AlarmClock(ScheduledThreadPoolExecutor timers, long beatNanos) {
        this.timers = timers;
        this.beatNanos = beatNanos;
    }

    /**
     * Schedules {@code alarm} to run once after {@code delayNanos}.
     *
     * @throws RejectedExecutionException when the timers have been shut down
     */
    ScheduledFuture<?> set(Runnable alarm, long delayNanos) {
        setSinceLastBeat.set(true);
        if (!beating.get() && beating.compareAndSet(false, true)) {
            scheduleBeat();
        }
        return timers.schedule(alarm, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void beat() {
        if (setSinceLastBeat.getAndSet(false)) {
            scheduleBeat();
            return;
        }
        beating.set(false);
        // An alarm set between the check above and now saw the beat still running and started none.
        if (setSinceLastBeat.get() && beating.compareAndSet(false, true)) {
            scheduleBeat();
        }
    }

    private void scheduleBeat() {
        try {
            timers.schedule(this::beat, beatNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            beating.set(false); // the timers are shut down: the alarm that follows is refused too
        }
    }

    /** Whether the beat is running, for tests. */
    boolean isBeating() {
        return beating.get();
    }
}
