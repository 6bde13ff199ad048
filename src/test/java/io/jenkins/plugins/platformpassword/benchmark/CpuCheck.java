package io.jenkins.plugins.platformpassword.benchmark;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per build, against a bare JDK client POST, at zero round trip (where nothing hides the
 * client's work): later builds on a running controller, and the TLS floor, in blocks that
 * alternate, each block read with a {@link CpuClock}. What counts is CPU, not wall time: on 2
 * shared cores wall time at 0 ms mostly measures who gets scheduled when.
 */
final class CpuCheck {

    static final int BLOCK = 100;

    private static final java.lang.management.ThreadMXBean STARTED = ManagementFactory.getThreadMXBean();

    /** CPU and wall time (nanoseconds) and threads started over {@code operations} operations of one variant. */
    record Totals(int operations, CpuClock.Spent cpu, long wallNanos, long threadsStarted) {
        double threadsPerOperation() {
            return (double) threadsStarted / operations;
        }

        double clientMicros() {
            return cpu.client() / 1e3 / operations;
        }

        double processMicros() {
            return cpu.process() / 1e3 / operations;
        }

        double jitMicros() {
            return cpu.jit() / 1e3 / operations;
        }

        double wallMicros() {
            return wallNanos / 1e3 / operations;
        }
    }

    record Result(Totals laterBuild, Totals floor) {
        double clientRatio() {
            return laterBuild.clientMicros() / floor.clientMicros();
        }

        double processRatio() {
            return laterBuild.processMicros() / floor.processMicros();
        }
    }

    private final NetworkPlatform platform;
    private final PrintStream out;

    CpuCheck(NetworkPlatform platform, PrintStream out) {
        this.platform = platform;
        this.out = out;
    }

    Result run(int operations, int warmup) throws Exception {
        CpuClock.enable();
        long started = System.nanoTime();
        platform.front(Duration.ZERO);
        int blocks = Math.max(1, operations / BLOCK);
        out.printf(
                Locale.ROOT,
                "%nCPU per build at 0 ms: %d warm-up operations per variant, then %d blocks of %d, alternating%n",
                warmup,
                blocks,
                BLOCK);
        try (Controller controller = Controller.start(platform.newTrust());
                LaterBuildVariant later = new LaterBuildVariant(platform, controller);
                FloorVariant floor = FloorVariant.overTls(platform)) {
            for (int i = 0; i < warmup; i++) {
                later.changeOnce();
                floor.changeOnce();
                if (i % 500 == 499) {
                    platform.clearRequestLog();
                }
            }
            List<Variant> variants = List.of(later, floor);
            CpuClock.Spent[] cpu = {CpuClock.Spent.NONE, CpuClock.Spent.NONE};
            long[] wall = new long[2];
            long[] threads = new long[2];
            for (int block = 0; block < 2 * blocks; block++) {
                // ABBA order: each variant goes first as often as second.
                int which = (block % 4 == 0 || block % 4 == 3) ? 0 : 1;
                Variant variant = variants.get(which);
                platform.clearRequestLog();
                long threadsBefore = STARTED.getTotalStartedThreadCount();
                CpuClock clock = CpuClock.start();
                long t0 = System.nanoTime();
                for (int i = 0; i < BLOCK; i++) {
                    variant.changeOnce();
                }
                wall[which] += System.nanoTime() - t0;
                cpu[which] = cpu[which].plus(clock.end());
                threads[which] += STARTED.getTotalStartedThreadCount() - threadsBefore;
            }
            platform.clearRequestLog();
            out.printf(Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return new Result(
                    new Totals(blocks * BLOCK, cpu[0], wall[0], threads[0]),
                    new Totals(blocks * BLOCK, cpu[1], wall[1], threads[1]));
        }
    }
}
