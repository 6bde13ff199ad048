package io.jenkins.plugins.platformpassword.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much one password change costs through {@code PlatformClient} (and through the step's defaults), against the platform
 * simulator with an injected per-request latency, compared with the usual alternative (token
 * request plus password request per change) and with the floor (one bare POST). Also checks that
 * many short-lived clients leave no threads and no heap behind. Then, in {@link NetworkBenchmark},
 * builds as the step does them over TLS behind a latency front that costs like a network, with
 * what a curl script pays and the CPU per build. See {@code docs/benchmarks.md}.
 *
 * <p>A command, not a test (no Test in the name, so Surefire leaves it alone):
 * <pre>
 * mvn -q -f offline/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.jenkins.plugins.platformpassword.benchmark.PasswordChangeBenchmark \
 *     -Dexec.args="--n 200 --latencies 0,20"
 * </pre>
 */
public final class PasswordChangeBenchmark {

    static final double GOAL_OURS_FLOOR_20MS = 1.05;
    static final double GOAL_OURS_FLOOR_0MS = 1.5;
    static final double GOAL_ALTERNATIVE_OURS_20MS = 1.9;

    /** The pooled samples of one variant at one latency and how many requests of each kind it sent. */
    record VariantResult(
            String name,
            Samples samples,
            long tokenRequests,
            long passwordRequests,
            long otherRequests,
            String anomalies) {

        double perChange(long requests) {
            return (double) requests / samples.size();
        }
    }

    /** {@code roundRatios}: ours/floor of each round's medians, to show how stable the pooled ratio is. */
    record LatencyResult(
            int latencyMillis,
            VariantResult ours,
            VariantResult alternative,
            VariantResult floor,
            VariantResult stepDefaults,
            List<Double> roundRatios) {

        double oursOverFloor() {
            return ours.samples().medianMillis() / floor.samples().medianMillis();
        }

        double alternativeOverOurs() {
            return alternative.samples().medianMillis() / ours.samples().medianMillis();
        }
    }

    private final BenchmarkOptions options;
    private final PrintStream out;

    private PasswordChangeBenchmark(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(BenchmarkOptions.USAGE);
            return;
        }
        new PasswordChangeBenchmark(options, System.out).run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        // Read once, when the first HttpServer starts: so it must be set before the simulator starts.
        System.setProperty("sun.net.httpserver.nodelay", String.valueOf(options.serverNoDelay()));
        out.printf(Locale.ROOT, "Password change benchmark%n");
        out.printf(
                Locale.ROOT,
                "  JDK %s (%s, %s), %d available processors, %s%n",
                Runtime.version(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.home"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.printf(
                Locale.ROOT,
                "  %d timed changes per variant and latency, after %d warm-up changes per variant at each latency "
                        + "(and %d per variant at 0 ms once at the start, for the JIT);%n  %d rounds, the variants' order rotated each round; "
                        + "samples pooled over the rounds%n",
                options.n(),
                options.warmup(),
                options.jitWarmup(),
                options.rounds());
        List<LatencyResult> results = new ArrayList<>();
        ResourceCheck.Result resources = null;
        try (BenchmarkPlatform platform = new BenchmarkPlatform()) {
            ThreadCensus atStart = ThreadCensus.take();
            out.printf(
                    Locale.ROOT,
                    "  simulator at %s, its HTTP server with TCP_NODELAY %s%n",
                    platform.simulator.dataCenterUrl(),
                    options.serverNoDelay() ? "on" : "off (expect a 40 ms stall on every answer with a body)");
            describeVariants(platform);
            jitWarmup(platform);
            for (int latency : options.latenciesMillis()) {
                results.add(measure(platform, latency));
            }
            printTable(results);
            if (options.resourceChanges() > 0) {
                resources = new ResourceCheck(platform, out, atStart, Duration.ofSeconds(options.settleLimitSeconds()))
                        .run(options.resourceChanges(), options.changesPerClient());
            }
        }
        // After the threads-and-heap check, so that its thread counts see none of this part's threads.
        NetworkBenchmark.Result network = options.networkLatenciesMillis().isEmpty() && options.cpuOperations() == 0
                ? null
                : new NetworkBenchmark(options, out).run();
        printGoals(results, resources, network);
        stepDefaultsNote(results);
        out.printf(Locale.ROOT, "%nTotal time %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** In the order of the table: ours, alternative, floor, step-default. */
    private static List<Variant> allVariants(BenchmarkPlatform platform) {
        return List.of(
                new OursVariant(platform),
                new TwoRequestVariant(platform),
                FloorVariant.plain(platform),
                new StepDefaultsVariant(platform));
    }

    private void describeVariants(BenchmarkPlatform platform) {
        out.println("  variants:");
        for (Variant variant : allVariants(platform)) {
            try (variant) {
                out.printf(Locale.ROOT, "    %-12s %s%n", variant.name(), variant.description());
            }
        }
    }

    /** The same number of untimed changes for every variant, interleaved change by change, at latency 0. */
    private void jitWarmup(BenchmarkPlatform platform) throws Exception {
        if (options.jitWarmup() == 0) {
            return;
        }
        long t0 = System.nanoTime();
        platform.latency(Duration.ZERO);
        List<Variant> variants = allVariants(platform);
        try {
            for (int i = 0; i < options.jitWarmup(); i++) {
                for (Variant variant : variants) {
                    variant.changeOnce();
                }
                if (i % 200 == 199) {
                    platform.clearRequestLog();
                }
            }
        } finally {
            variants.forEach(Variant::close);
            platform.clearRequestLog();
        }
        out.printf(
                Locale.ROOT,
                "%nJIT warm-up: %d changes per variant at 0 ms in %.1f s%n",
                options.jitWarmup(),
                (System.nanoTime() - t0) / 1e9);
    }

    private LatencyResult measure(BenchmarkPlatform platform, int latencyMillis) throws Exception {
        long phaseStarted = System.nanoTime();
        platform.latency(Duration.ofMillis(latencyMillis));
        OursVariant ours = new OursVariant(platform);
        List<Variant> variants = List.of(
                ours, new TwoRequestVariant(platform), FloorVariant.plain(platform), new StepDefaultsVariant(platform));
        Map<Variant, Samples> samples = new LinkedHashMap<>();
        Map<Variant, long[]> requests = new LinkedHashMap<>();
        List<Double> roundRatios = new ArrayList<>();
        try {
            out.printf(
                    Locale.ROOT,
                    "%nLatency %d ms: %d warm-up changes per variant, then %d rounds%n",
                    latencyMillis,
                    options.warmup(),
                    options.rounds());
            for (Variant variant : variants) {
                for (int i = 0; i < options.warmup(); i++) {
                    variant.changeOnce();
                }
                samples.put(variant, new Samples());
                requests.put(variant, new long[3]);
            }
            ours.resetCounters();
            for (int round = 0; round < options.rounds(); round++) {
                int block = options.n() / options.rounds() + (round < options.n() % options.rounds() ? 1 : 0);
                StringBuilder roundLine = new StringBuilder();
                Map<Variant, Double> roundMedians = new LinkedHashMap<>();
                for (int k = 0; k < variants.size(); k++) {
                    Variant variant = variants.get((round + k) % variants.size());
                    Samples roundSamples = new Samples();
                    platform.clearRequestLog();
                    for (int i = 0; i < block; i++) {
                        long t0 = System.nanoTime();
                        variant.changeOnce();
                        long elapsed = System.nanoTime() - t0;
                        samples.get(variant).add(elapsed);
                        roundSamples.add(elapsed);
                    }
                    long[] counts = requests.get(variant);
                    counts[0] += platform.tokenRequests();
                    counts[1] += platform.passwordRequests();
                    counts[2] += platform.allRequests() - platform.tokenRequests() - platform.passwordRequests();
                    roundMedians.put(variant, roundSamples.medianMillis());
                    roundLine.append(
                            String.format(Locale.ROOT, "  %s %.3f", variant.name(), roundSamples.medianMillis()));
                }
                roundRatios.add(roundMedians.get(variants.get(0)) / roundMedians.get(variants.get(2)));
                if (options.verbose()) {
                    out.printf(Locale.ROOT, "  round %2d medians (ms):%s%n", round + 1, roundLine);
                }
            }
            platform.clearRequestLog();
        } finally {
            variants.forEach(Variant::close);
        }
        out.printf(Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - phaseStarted) / 1e9);
        List<VariantResult> r = new ArrayList<>();
        for (Variant variant : variants) {
            long[] counts = requests.get(variant);
            r.add(new VariantResult(
                    variant.name(), samples.get(variant), counts[0], counts[1], counts[2], variant.anomalies()));
        }
        return new LatencyResult(latencyMillis, r.get(0), r.get(1), r.get(2), r.get(3), List.copyOf(roundRatios));
    }

    private void printTable(List<LatencyResult> results) {
        out.printf(
                Locale.ROOT,
                "%nPer change, milliseconds (n = samples pooled over all rounds; requests per change counted by the simulator)%n");
        String rule = "-".repeat(118);
        out.println(rule);
        out.printf(
                Locale.ROOT,
                "%-8s %-12s %5s %9s %9s %9s %9s %7s %7s %7s %12s %12s%n",
                "latency",
                "variant",
                "n",
                "median",
                "p95",
                "mean",
                "max",
                "token",
                "passwd",
                "other",
                "/ floor",
                "/ ours");
        out.printf(
                Locale.ROOT,
                "%-8s %-12s %5s %9s %9s %9s %9s %7s %7s %7s %12s %12s%n",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "req",
                "req",
                "req",
                "(medians)",
                "(medians)");
        out.println(rule);
        for (LatencyResult result : results) {
            String latency = result.latencyMillis() + " ms";
            for (VariantResult v :
                    List.of(result.ours(), result.alternative(), result.floor(), result.stepDefaults())) {
                row(latency, v, result);
                latency = "";
            }
            out.println(rule);
        }
        out.println(
                "  ours/floor is the '/ floor' column of the ours row; alternative/ours the '/ ours' column of the alternative row.");
        for (LatencyResult result : results) {
            for (VariantResult v :
                    List.of(result.ours(), result.alternative(), result.floor(), result.stepDefaults())) {
                if (!v.anomalies().isEmpty()) {
                    out.printf(Locale.ROOT, "  note: %d ms, %s: %s%n", result.latencyMillis(), v.name(), v.anomalies());
                }
            }
        }
        for (LatencyResult result : results) {
            out.printf(
                    Locale.ROOT,
                    "  ours/floor of each round's medians at %d ms: min %.3f, max %.3f (%d rounds)%n",
                    result.latencyMillis(),
                    result.roundRatios().stream()
                            .mapToDouble(Double::doubleValue)
                            .min()
                            .orElse(Double.NaN),
                    result.roundRatios().stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(Double.NaN),
                    result.roundRatios().size());
        }
        out.printf(
                Locale.ROOT,
                "  ours/floor of the p95s: %s%n",
                String.join(
                        ", ",
                        results.stream()
                                .map(r -> String.format(
                                        Locale.ROOT,
                                        "%.3f at %d ms",
                                        r.ours().samples().percentileMillis(95)
                                                / r.floor().samples().percentileMillis(95),
                                        r.latencyMillis()))
                                .toList()));
    }

    private void row(String latency, VariantResult v, LatencyResult result) {
        Samples s = v.samples();
        out.printf(
                Locale.ROOT,
                "%-8s %-12s %5d %9.3f %9.3f %9.3f %9.3f %7.2f %7.2f %7.2f %12.3f %12.3f%n",
                latency,
                v.name(),
                s.size(),
                s.medianMillis(),
                s.percentileMillis(95),
                s.meanMillis(),
                s.percentileMillis(100),
                v.perChange(v.tokenRequests()),
                v.perChange(v.passwordRequests()),
                v.perChange(v.otherRequests()),
                s.medianMillis() / result.floor().samples().medianMillis(),
                s.medianMillis() / result.ours().samples().medianMillis());
    }

    private void printGoals(
            List<LatencyResult> results, ResourceCheck.Result resources, NetworkBenchmark.Result network) {
        out.printf(Locale.ROOT, "%nGoals%n");
        LatencyResult at0 = find(results, 0);
        LatencyResult at20 = find(results, 20);
        goal(
                String.format(Locale.ROOT, "ours/floor (median) <= %.2f at 20 ms", GOAL_OURS_FLOOR_20MS),
                at20 == null ? null : at20.oursOverFloor() <= GOAL_OURS_FLOOR_20MS,
                at20 == null ? "" : String.format(Locale.ROOT, "%.3f", at20.oursOverFloor()));
        goal(
                String.format(Locale.ROOT, "ours/floor (median) <= %.2f at 0 ms", GOAL_OURS_FLOOR_0MS),
                at0 == null ? null : at0.oursOverFloor() <= GOAL_OURS_FLOOR_0MS,
                at0 == null ? "" : String.format(Locale.ROOT, "%.3f", at0.oursOverFloor()));
        goal(
                String.format(Locale.ROOT, "alternative/ours (median) >= %.2f at 20 ms", GOAL_ALTERNATIVE_OURS_20MS),
                at20 == null ? null : at20.alternativeOverOurs() >= GOAL_ALTERNATIVE_OURS_20MS,
                at20 == null ? "" : String.format(Locale.ROOT, "%.3f", at20.alternativeOverOurs()));
        goal(
                "live threads back at the start count within " + ResourceCheck.SHORT_SETTLE.toSeconds()
                        + " s after the last close",
                resources == null ? null : resources.threadsBackAfterShortSettle(),
                resources == null ? "" : threadSummary(resources));
        goal(
                "heap after GC not growing",
                resources == null ? null : resources.heapStable(),
                resources == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "%+,.1f KiB over %,d changes",
                                (resources.heapAfter() - resources.heapBefore()) / 1024.0,
                                resources.changes()));
        out.println("  per build, over TLS behind the latency front:");
        for (Goal goal : NetworkGoals.of(network)) {
            goal(goal.text(), goal.met(), goal.value());
        }
    }

    private void stepDefaultsNote(List<LatencyResult> results) {
        out.printf(
                Locale.ROOT,
                "%nNot a goal, for the record: the step with its default options (checkCompromised on) per change%n");
        for (LatencyResult r : results) {
            VariantResult step = r.stepDefaults();
            out.printf(
                    Locale.ROOT,
                    "  %d ms: %.2f requests (%.2f password, %.2f other), median %.3f ms = %.3f x ours, %.3f x floor%n",
                    r.latencyMillis(),
                    step.perChange(step.tokenRequests() + step.passwordRequests() + step.otherRequests()),
                    step.perChange(step.passwordRequests()),
                    step.perChange(step.otherRequests()),
                    step.samples().medianMillis(),
                    step.samples().medianMillis() / r.ours().samples().medianMillis(),
                    step.samples().medianMillis() / r.floor().samples().medianMillis());
        }
    }

    private static String threadSummary(ResourceCheck.Result r) {
        String text = "without the simulator's: " + r.atProgramStart().withoutSimulator() + " at start, peak "
                + r.peakWithoutSimulator() + ", " + r.afterShortSettle().withoutSimulator() + " after "
                + r.shortSettleMillis() + " ms";
        if (r.afterLongSettle() != r.afterShortSettle()) {
            text += ", " + r.afterLongSettle().withoutSimulator() + " after " + r.longSettleMillis() + " ms";
        }
        return text;
    }

    private void goal(String text, Boolean met, String value) {
        String verdict = met == null ? "not measured" : met ? "met" : "MISSED";
        out.printf(Locale.ROOT, "  %-70s %-12s %s%n", text, verdict, value);
    }

    private static LatencyResult find(List<LatencyResult> results, int latency) {
        return results.stream()
                .filter(r -> r.latencyMillis() == latency)
                .findFirst()
                .orElse(null);
    }
}
