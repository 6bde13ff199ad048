package io.jenkins.plugins.platformpassword.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The benchmark measured like a network: builds as the step does them, against the simulator over
 * TLS (HTTP/2 offered by ALPN) behind a {@link LatencyFront}, at each round trip of
 * {@code --network-latencies}: a later build, the first build after start, the floor (a bare
 * POST over an open connection), and what a script pays (curl, and fresh JDK clients); then the
 * {@link CpuCheck}. Samples are timed as in the plain-http part: rounds, the variants' order
 * rotated each round, samples pooled.
 */
final class NetworkBenchmark {

    /** One variant at one round trip: its samples and what it cost the network per build. */
    record VariantResult(
            String name,
            Samples samples,
            long tokenRequests,
            long passwordRequests,
            long otherRequests,
            long newConnections,
            long flights,
            TreeSet<String> protocols,
            String anomalies) {

        double perBuild(long count) {
            return (double) count / samples.size();
        }

        double median() {
            return samples.medianMillis();
        }

        /** Round trips on the wire per build: a TCP handshake per new connection, and one per flight. */
        double wireRoundTrips() {
            return perBuild(newConnections + flights);
        }
    }

    /** Every variant at one round trip, by name. */
    record Phase(int roundTripMillis, Map<String, VariantResult> variants) {
        VariantResult get(String name) {
            return variants.get(name);
        }

        double over(String name, String baseline) {
            VariantResult v = variants.get(name);
            VariantResult b = variants.get(baseline);
            return v == null || b == null ? Double.NaN : v.median() / b.median();
        }

        /** The median in round trips of the front; NaN at zero. */
        double inRoundTrips(String name) {
            return roundTripMillis == 0 ? Double.NaN : variants.get(name).median() / roundTripMillis;
        }
    }

    record Result(List<Phase> phases, CpuCheck.Result cpu, String scriptVariant) {
        Phase at(int roundTripMillis) {
            return phases.stream()
                    .filter(p -> p.roundTripMillis() == roundTripMillis)
                    .findFirst()
                    .orElse(null);
        }
    }

    static final String LATER = "later-build";
    static final String FIRST = "first-build";
    static final String FLOOR = "floor";
    static final String CURL = "curl-script";
    static final String JDK_SCRIPT = "jdk-script";

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final boolean curl;

    NetworkBenchmark(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.curl = !options.curl().equals("none") && CurlScriptVariant.available(options.curl());
    }

    Result run() throws Exception {
        out.printf(Locale.ROOT, "%nPer build, over TLS behind a latency front%n");
        try (NetworkPlatform platform = new NetworkPlatform()) {
            out.printf(
                    Locale.ROOT,
                    "  simulator at %s (Jetty, HTTP/2 and HTTP/1.1 offered by ALPN, certificate from a test CA made for"
                            + " this run),%n  reached through a latency front on 127.0.0.1: every chunk half a round"
                            + " trip later each way, a new connection's first byte one round trip more%n",
                    platform.simulator.dataCenterUrl());
            out.printf(
                    Locale.ROOT,
                    "  %d timed builds per latency for %s and %s, %d for the others, after %d and %d warm-up builds;"
                            + " %d rounds, order rotated%n",
                    options.networkN(),
                    LATER,
                    FLOOR,
                    options.freshN(),
                    options.networkWarmup(),
                    Math.min(options.networkWarmup(), 3),
                    options.rounds());
            describe(platform);
            jitWarmup(platform);
            List<Phase> phases = new ArrayList<>();
            for (int roundTrip : options.networkLatenciesMillis()) {
                phases.add(measure(platform, roundTrip));
            }
            printTable(phases);
            CpuCheck.Result cpu = options.cpuOperations() == 0
                    ? null
                    : new CpuCheck(platform, out).run(options.cpuOperations(), options.cpuWarmup());
            if (cpu != null) {
                printCpu(cpu);
            }
            return new Result(phases, cpu, curl ? CURL : JDK_SCRIPT);
        }
    }

    private List<Variant> variants(NetworkPlatform platform, Controller controller) {
        List<Variant> variants = new ArrayList<>(List.of(
                new LaterBuildVariant(platform, controller),
                new FirstBuildVariant(platform),
                FloorVariant.overTls(platform)));
        if (curl) {
            variants.add(new CurlScriptVariant(platform, options.curl()));
        }
        variants.add(new FreshClientScriptVariant(platform));
        return variants;
    }

    private void describe(NetworkPlatform platform) {
        platform.front(Duration.ZERO);
        out.println("  variants:");
        try (Controller controller = Controller.start(platform.newTrust())) {
            for (Variant variant : variants(platform, controller)) {
                try (variant) {
                    out.printf(Locale.ROOT, "    %-12s %s%n", variant.name(), variant.description());
                }
            }
        }
        if (!curl) {
            out.printf(
                    Locale.ROOT,
                    "    (no %s: '%s' did not run; %s stands for the script)%n",
                    CURL,
                    options.curl(),
                    JDK_SCRIPT);
        }
    }

    /**
     * At zero round trip, before anything is timed, so that the JIT has compiled the TLS, HTTP/2 and
     * client code of every variant: {@code --jit-warmup} later builds and floor requests, interleaved,
     * and a twentieth of that of first builds and fresh-client scripts (curl runs outside this JVM).
     */
    private void jitWarmup(NetworkPlatform platform) throws Exception {
        if (options.jitWarmup() == 0) {
            return;
        }
        long started = System.nanoTime();
        platform.front(Duration.ZERO);
        int fresh = Math.max(1, options.jitWarmup() / 20);
        try (Controller controller = Controller.start(platform.newTrust())) {
            List<Variant> variants = variants(platform, controller).stream()
                    .filter(v -> !v.name().equals(CURL))
                    .toList();
            try {
                for (int i = 0; i < options.jitWarmup(); i++) {
                    for (Variant variant : variants) {
                        if (frequent(variant) || i % 20 == 0) {
                            once(variant, null);
                        }
                    }
                    if (i % 200 == 199) {
                        platform.clearRequestLog();
                    }
                }
            } finally {
                variants.forEach(Variant::close);
                platform.clearRequestLog();
            }
        }
        System.gc();
        out.printf(
                Locale.ROOT,
                "%nJIT warm-up at 0 ms: %d later builds and floor requests, %d first builds and %s in %.1f s%n",
                options.jitWarmup(),
                fresh,
                JDK_SCRIPT,
                (System.nanoTime() - started) / 1e9);
    }

    /** Later builds and the floor are cheap and many; the others cost new connections and are fewer. */
    private boolean frequent(Variant variant) {
        return variant.name().equals(LATER) || variant.name().equals(FLOOR);
    }

    private Phase measure(NetworkPlatform platform, int roundTripMillis) throws Exception {
        long started = System.nanoTime();
        LatencyFront front = platform.front(Duration.ofMillis(roundTripMillis));
        Map<String, VariantResult> results = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "%nRound trip %d ms%n", roundTripMillis);
        try (Controller controller = Controller.start(platform.newTrust())) {
            List<Variant> variants = variants(platform, controller);
            Map<Variant, Tally> tallies = new LinkedHashMap<>();
            try {
                for (Variant variant : variants) {
                    int warmup = frequent(variant) ? options.networkWarmup() : Math.min(options.networkWarmup(), 3);
                    for (int i = 0; i < warmup; i++) {
                        once(variant, null);
                    }
                    tallies.put(variant, new Tally());
                }
                ((LaterBuildVariant) variants.get(0)).resetCounters();
                for (int round = 0; round < options.rounds(); round++) {
                    for (int k = 0; k < variants.size(); k++) {
                        Variant variant = variants.get((round + k) % variants.size());
                        int total = frequent(variant) ? options.networkN() : options.freshN();
                        int block = total / options.rounds() + (round < total % options.rounds() ? 1 : 0);
                        Tally tally = tallies.get(variant);
                        platform.clearRequestLog();
                        long connectionsBefore = front.countedConnections();
                        long flightsBefore = front.countedFlights();
                        for (int i = 0; i < block; i++) {
                            tally.samples.add(once(variant, front));
                        }
                        tally.add(
                                platform.traffic(),
                                front.countedConnections() - connectionsBefore,
                                front.countedFlights() - flightsBefore);
                    }
                }
            } finally {
                variants.forEach(Variant::close);
                platform.clearRequestLog();
            }
            tallies.forEach((variant, tally) -> results.put(variant.name(), tally.result(variant)));
        }
        // JDK 17 cannot close an HttpClient: the script's clients (and their connections) end when collected.
        System.gc();
        out.printf(Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return new Phase(roundTripMillis, results);
    }

    /** One timed change, with its untimed preparation and cleanup; the front (if any) counts the change only. */
    private static long once(Variant variant, LatencyFront front) throws Exception {
        variant.beforeEach();
        try {
            if (front != null) {
                front.counting(true);
            }
            long t0 = System.nanoTime();
            variant.changeOnce();
            long elapsed = System.nanoTime() - t0;
            if (front != null) {
                front.counting(false);
            }
            return elapsed;
        } finally {
            variant.afterEach();
        }
    }

    /** What one variant's blocks added up to. */
    private static final class Tally {
        final Samples samples = new Samples();
        long token;
        long password;
        long other;
        long connections;
        long flights;
        final TreeSet<String> protocols = new TreeSet<>();

        void add(NetworkPlatform.Traffic traffic, long newConnections, long newFlights) {
            token += traffic.token();
            password += traffic.password();
            other += traffic.other();
            connections += newConnections;
            flights += newFlights;
            protocols.addAll(traffic.protocols());
        }

        VariantResult result(Variant variant) {
            return new VariantResult(
                    variant.name(),
                    samples,
                    token,
                    password,
                    other,
                    connections,
                    flights,
                    protocols,
                    variant.anomalies());
        }
    }

    private void printTable(List<Phase> phases) {
        out.printf(
                Locale.ROOT,
                "%nPer build, milliseconds and round trips of the front (n = samples pooled over all rounds;"
                        + " requests per build counted by the simulator, new connections by the front)%n");
        String rule = "-".repeat(147);
        String format = "%-7s %-12s %4s %9s %9s %9s %9s %7s %6s %6s %6s %6s %6s  %-9s %9s %9s%n";
        out.println(rule);
        out.printf(
                Locale.ROOT,
                format,
                "rtt",
                "variant",
                "n",
                "median",
                "p95",
                "mean",
                "max",
                "median",
                "RTT on",
                "token",
                "passwd",
                "other",
                "new",
                "protocol",
                "/ floor",
                "/ later");
        out.printf(
                Locale.ROOT,
                format,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "in RTT",
                "wire",
                "req",
                "req",
                "req",
                "conns",
                "",
                "(medians)",
                "(medians)");
        out.println(rule);
        for (Phase phase : phases) {
            String rtt = phase.roundTripMillis() + " ms";
            for (VariantResult v : phase.variants().values()) {
                Samples s = v.samples();
                out.printf(
                        Locale.ROOT,
                        "%-7s %-12s %4d %9.3f %9.3f %9.3f %9.3f %7s %6s %6.2f %6.2f %6.2f %6.2f  %-9s %9.3f %9.3f%n",
                        rtt,
                        v.name(),
                        s.size(),
                        s.medianMillis(),
                        s.percentileMillis(95),
                        s.meanMillis(),
                        s.percentileMillis(100),
                        phase.roundTripMillis() == 0
                                ? "-"
                                : String.format(Locale.ROOT, "%.2f", phase.inRoundTrips(v.name())),
                        phase.roundTripMillis() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", v.wireRoundTrips()),
                        v.perBuild(v.tokenRequests()),
                        v.perBuild(v.passwordRequests()),
                        v.perBuild(v.otherRequests()),
                        v.perBuild(v.newConnections()),
                        protocols(v.protocols()),
                        phase.over(v.name(), FLOOR),
                        phase.over(v.name(), LATER));
                rtt = "";
            }
            out.println(rule);
        }
        out.println(
                "  'median in RTT': the median over the front's round trip. 'RTT on wire': round trips the build waited"
                        + " for,\n  counted by the front: a TCP handshake per new connection, and each flight the client sent"
                        + " and the server answered;\n  it does not depend on how fast the machine is. 'protocol': what the"
                        + " simulator saw.");
        for (Phase phase : phases) {
            for (VariantResult v : phase.variants().values()) {
                if (!v.anomalies().isEmpty()) {
                    out.printf(
                            Locale.ROOT, "  note: %d ms, %s: %s%n", phase.roundTripMillis(), v.name(), v.anomalies());
                }
            }
        }
    }

    private static String protocols(TreeSet<String> seen) {
        return String.join(
                "+",
                seen.stream()
                        .map(p -> p.equals("HTTP/2.0") ? "h2" : p.toLowerCase(Locale.ROOT))
                        .toList());
    }

    private void printCpu(CpuCheck.Result cpu) {
        out.printf(
                Locale.ROOT,
                "%nCPU per operation at 0 ms, microseconds (%,d operations each, in alternating blocks of %d)%n"
                        + "  client side: the process without the simulator's, the front's and the JIT compiler's threads"
                        + " (%s),%n  so the calling thread, the JDK client's threads (also those that ended), and GC%n",
                cpu.laterBuild().operations(),
                CpuCheck.BLOCK,
                JitThreads.readable() ? "the JIT's read from /proc" : "the JIT's not readable here, so left in");
        String format = "  %-12s %12s %12s %12s %12s %16s%n";
        out.printf(Locale.ROOT, format, "", "client side", "process", "JIT", "wall", "threads started");
        for (var row : List.of(Map.entry(LATER, cpu.laterBuild()), Map.entry("bare POST", cpu.floor()))) {
            CpuCheck.Totals t = row.getValue();
            out.printf(
                    Locale.ROOT,
                    "  %-12s %12.1f %12.1f %12.1f %12.1f %16.2f%n",
                    row.getKey(),
                    t.clientMicros(),
                    t.processMicros(),
                    t.jitMicros(),
                    t.wallMicros(),
                    t.threadsPerOperation());
        }
        out.printf(
                Locale.ROOT,
                "  %-12s %12.3f %12.3f %12s %12.3f%n",
                "ratio",
                cpu.clientRatio(),
                cpu.processRatio(),
                "",
                cpu.laterBuild().wallMicros() / cpu.floor().wallMicros());
    }
}
