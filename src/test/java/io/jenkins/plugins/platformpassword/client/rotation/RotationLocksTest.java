package io.jenkins.plugins.platformpassword.client.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One rotation per credential at a time, and no lock left behind for credentials no longer rotated. */
class RotationLocksTest {

    private final RotationLocks locks = new RotationLocks();

    @Test
    void rotationsOfOneCredentialNeverOverlap() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 200; i++) {
                pool.submit(() -> {
                    try (RotationLocks.Held held = locks.lock("folder/credential")) {
                        mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        inside.decrementAndGet();
                    }
                    return null;
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void differentCredentialsDoNotWaitForEachOther() throws Exception {
        try (RotationLocks.Held first = locks.lock("a")) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<Boolean> second = other.submit(() -> {
                    try (RotationLocks.Held held = locks.lock("b")) {
                        return true;
                    }
                });
                assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
            } finally {
                other.shutdownNow();
            }
        }
    }

    @Test
    void noLockIsKeptForACredentialOnceItsRotationsEnded() throws Exception {
        for (int i = 0; i < 10_000; i++) {
            try (RotationLocks.Held held = locks.lock("credential-" + i)) {
                assertThat(locks.size()).isEqualTo(1);
            }
        }

        assertThat(locks.size()).isZero();
    }

    @Test
    void anAbortedWaitLeavesNothingBehind() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        Thread waiter;
        try (RotationLocks.Held held = locks.lock("busy")) {
            waiter = new Thread(() -> {
                waiting.countDown();
                try (RotationLocks.Held never = locks.lock("busy")) {
                    throw new AssertionError("got the lock while it was held");
                } catch (InterruptedException expected) {
                    // the build was aborted while it waited
                }
            });
            waiter.start();
            waiting.await();
            while (waiter.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
            waiter.interrupt();
            waiter.join(Duration.ofSeconds(5).toMillis());
            assertThat(waiter.isAlive()).isFalse();
            assertThat(locks.size()).isEqualTo(1); // the holder's entry only
        }
        assertThat(locks.size()).isZero();
    }
}
