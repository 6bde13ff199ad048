package io.jenkins.plugins.platformpassword.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A client call on a thread of its own, as a build makes one, which a test can interrupt (abort) and time. */
public final class CallInThread {

    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    private final Thread thread;
    private volatile Throwable thrown;
    private volatile boolean interruptedAtEnd;

    private CallInThread(Call call) {
        thread = new Thread(
                () -> {
                    try {
                        call.run();
                    } catch (Throwable e) {
                        thrown = e;
                    }
                    interruptedAtEnd = Thread.currentThread().isInterrupted();
                },
                "build-under-test");
        thread.setDaemon(true);
    }

    static CallInThread start(Call call) {
        CallInThread started = new CallInThread(call);
        started.thread.start();
        return started;
    }

    /** Interrupts the call and returns how long it took to end (at most 5 s are waited for). */
    Duration interruptAndAwaitEnd() throws InterruptedException {
        long interruptedAt = System.nanoTime();
        thread.interrupt();
        return awaitEnd(interruptedAt);
    }

    /** Waits up to 5 s for the call to end; returns the time since {@code sinceNanos}. */
    Duration awaitEnd(long sinceNanos) throws InterruptedException {
        thread.join(5000);
        if (thread.isAlive()) {
            throw new AssertionError("the call did not end within 5 s");
        }
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    Throwable thrown() {
        return thrown;
    }

    boolean interruptedAtEnd() {
        return interruptedAtEnd;
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
