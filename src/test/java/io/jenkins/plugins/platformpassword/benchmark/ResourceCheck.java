package io.jenkins.plugins.platformpassword.benchmark;

import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.users.PasswordChanger;
import io.jenkins.plugins.platformpassword.client.users.PreflightMode;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Many changes with a new {@link PlatformClient} every few changes, as builds use the client:
 * are the live threads back at the count from before the first client existed once the clients
 * are closed (and, on JDK 17, garbage collected), and does the heap after a full GC stay where
 * it was? Latency 0.
 */
final class ResourceCheck {

    /** How much the heap after GC may differ between start and end before it counts as growth: GC and JIT noise. */
    static final long HEAP_TOLERANCE_BYTES = 1024 * 1024;

    /** The "short settle" after the last close: a System.gc() every 250 ms for at most this long. */
    static final Duration SHORT_SETTLE = Duration.ofSeconds(5);

    record Result(
            int changes,
            int clients,
            ThreadCensus atProgramStart,
            ThreadCensus atCheckStart,
            int peakWithoutSimulator,
            ThreadCensus afterLastClose,
            ThreadCensus afterShortSettle,
            long shortSettleMillis,
            ThreadCensus afterLongSettle,
            long longSettleMillis,
            long heapBefore,
            long heapMiddle,
            long heapAfter,
            double changesPerSecond,
            double medianClientLifecycleMillis) {

        /** Back at the count from before any client existed, simulator threads left out, within the short settle. */
        boolean threadsBackAfterShortSettle() {
            return afterShortSettle.withoutSimulator() <= atProgramStart.withoutSimulator();
        }

        boolean threadsBackEventually() {
            return afterLongSettle.withoutSimulator() <= atProgramStart.withoutSimulator();
        }

        boolean heapStable() {
            return heapAfter - heapBefore <= HEAP_TOLERANCE_BYTES;
        }
    }

    private final BenchmarkPlatform platform;
    private final PrintStream out;
    private final ThreadCensus atProgramStart;
    private final Duration longSettleLimit;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    ResourceCheck(BenchmarkPlatform platform, PrintStream out, ThreadCensus atProgramStart, Duration longSettleLimit) {
        this.platform = platform;
        this.out = out;
        this.atProgramStart = atProgramStart;
        this.longSettleLimit = longSettleLimit;
    }

    Result run(int changes, int perClient) throws Exception {
        platform.latency(Duration.ZERO);
        int clients = Math.max(1, changes / perClient);
        out.printf(
                Locale.ROOT,
                "%nThreads and heap: %,d changes at latency 0 ms, a new PlatformClient every %d changes (%d clients), "
                        + "each closed after its changes%n",
                (long) clients * perClient,
                perClient,
                clients);

        // Warm up (JIT, class loading, the token in the cache), so that the heap baseline includes what is loaded once.
        for (int i = 0; i < 3; i++) {
            oneClient(perClient);
        }
        // Every heap reading comes after the same settle as the last one: on JDK 17 a closed client's HttpClient is
        // freed only after its selector thread has noticed (up to ~3 s) that the client was garbage collected.
        settle(longSettleLimit);
        long heapBefore = heapAfterGc();
        ThreadCensus atCheckStart = ThreadCensus.take();

        int peak = atCheckStart.withoutSimulator();
        long heapMiddle = -1;
        Samples lifecycle = new Samples();
        long busyNanos = 0;
        for (int c = 0; c < clients; c++) {
            long nanos = oneClient(perClient);
            busyNanos += nanos;
            lifecycle.add(nanos);
            peak = Math.max(peak, ThreadCensus.countWithoutSimulator());
            if (c == clients / 2 - 1) {
                settle(longSettleLimit);
                heapMiddle = heapAfterGc();
            }
        }
        ThreadCensus afterLastClose = ThreadCensus.take();
        long t0 = System.nanoTime();
        settle(SHORT_SETTLE);
        long shortSettleMillis = (System.nanoTime() - t0) / 1_000_000;
        ThreadCensus afterShortSettle = ThreadCensus.take();
        ThreadCensus afterLongSettle = afterShortSettle;
        long longSettleMillis = shortSettleMillis;
        if (afterShortSettle.withoutSimulator() > atProgramStart.withoutSimulator()
                && longSettleLimit.compareTo(SHORT_SETTLE) > 0) {
            out.printf(
                    Locale.ROOT,
                    "  threads not back after %d ms; waiting up to %d s more to see whether and when they end ...%n",
                    shortSettleMillis,
                    longSettleLimit.minus(SHORT_SETTLE).toSeconds());
            settle(longSettleLimit.minus(SHORT_SETTLE));
            longSettleMillis = (System.nanoTime() - t0) / 1_000_000;
            afterLongSettle = ThreadCensus.take();
        }
        settle(longSettleLimit);
        long heapAfter = heapAfterGc();

        Result result = new Result(
                clients * perClient,
                clients,
                atProgramStart,
                atCheckStart,
                peak,
                afterLastClose,
                afterShortSettle,
                shortSettleMillis,
                afterLongSettle,
                longSettleMillis,
                heapBefore,
                heapMiddle,
                heapAfter,
                clients * perClient / (busyNanos / 1e9),
                lifecycle.medianMillis());
        print(result);
        return result;
    }

    /** Opens a client, makes the changes, closes it; returns the nanoseconds that took. */
    private long oneClient(int changes) throws Exception {
        long started = System.nanoTime();
        try (PlatformClient client = platform.newClient()) {
            PasswordChanger changer = new PasswordChanger(client, PreflightMode.ON_FAILURE);
            for (int i = 0; i < changes; i++) {
                changer.change(platform.user(), platform.newPassword());
            }
        }
        long elapsed = System.nanoTime() - started;
        platform.clearRequestLog();
        return elapsed;
    }

    /** A System.gc() every 250 ms until the threads (simulator's left out) are back at the program start's count, or the limit. */
    private void settle(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (ThreadCensus.countWithoutSimulator() <= atProgramStart.withoutSimulator()) {
                return;
            }
            System.gc();
            Thread.sleep(250);
        }
    }

    private long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void print(Result r) {
        out.printf(
                Locale.ROOT,
                "  %,.0f changes/s; median time to open a client, make %d changes and close it: %.1f ms%n",
                r.changesPerSecond(),
                r.changes() / r.clients(),
                r.medianClientLifecycleMillis());
        out.printf(Locale.ROOT, "  live threads, total (without the simulator's server threads):%n");
        out.printf(Locale.ROOT, "    at program start, before any client      %s%n", r.atProgramStart());
        out.printf(Locale.ROOT, "    at the start of this check               %s%n", r.atCheckStart());
        out.printf(Locale.ROOT, "    peak, sampled after each close               (%d)%n", r.peakWithoutSimulator());
        out.printf(Locale.ROOT, "    right after the last close               %s%n", r.afterLastClose());
        out.printf(
                Locale.ROOT,
                "    after %5d ms of System.gc() + wait      %s -> %s%n",
                r.shortSettleMillis(),
                r.afterShortSettle(),
                r.threadsBackAfterShortSettle() ? "back at the program start's count" : "NOT back yet");
        if (r.afterLongSettle() != r.afterShortSettle()) {
            out.printf(
                    Locale.ROOT,
                    "    after %5d ms of System.gc() + wait      %s -> %s%n",
                    r.longSettleMillis(),
                    r.afterLongSettle(),
                    r.threadsBackEventually() ? "back at the program start's count" : "still NOT back");
        }
        out.printf(
                Locale.ROOT,
                "  threads by name, where the counts differ (program start / check start / last close / short settle%s):%n",
                r.afterLongSettle() != r.afterShortSettle() ? " / long settle" : "");
        List<ThreadCensus> columns = new ArrayList<>(
                List.of(r.atProgramStart(), r.atCheckStart(), r.afterLastClose(), r.afterShortSettle()));
        if (r.afterLongSettle() != r.afterShortSettle()) {
            columns.add(r.afterLongSettle());
        }
        Map<String, Integer> names = new TreeMap<>();
        columns.forEach(census -> census.groups().keySet().forEach(name -> names.put(name, 0)));
        for (String name : names.keySet()) {
            List<Integer> counts = columns.stream()
                    .map(census -> census.groups().getOrDefault(name, 0))
                    .toList();
            if (counts.stream().distinct().count() > 1) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-40s", name));
                counts.forEach(count -> line.append(String.format(Locale.ROOT, " %4d", count)));
                out.println(line);
            }
        }
        out.printf(
                Locale.ROOT,
                "  heap used after settling and System.gc(): start %s, after %,d changes %s, end %s (end - start %+,.1f KiB) -> %s%n",
                mib(r.heapBefore()),
                r.changes() / 2,
                mib(r.heapMiddle()),
                mib(r.heapAfter()),
                (r.heapAfter() - r.heapBefore()) / 1024.0,
                r.heapStable() ? "no growth (tolerance " + HEAP_TOLERANCE_BYTES / 1024 + " KiB)" : "GROWS");
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
