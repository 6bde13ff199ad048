package io.jenkins.plugins.platformpassword.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The command line of {@link PasswordChangeBenchmark}. */
record BenchmarkOptions(
        int n,
        List<Integer> latenciesMillis,
        int warmup,
        int jitWarmup,
        int rounds,
        int resourceChanges,
        int changesPerClient,
        int settleLimitSeconds,
        boolean serverNoDelay,
        boolean verbose,
        List<Integer> networkLatenciesMillis,
        int networkN,
        int freshN,
        int networkWarmup,
        int cpuOperations,
        int cpuWarmup,
        String curl) {

    static final String USAGE = String.join(
            "\n",
            "Arguments (all optional):",
            "  --n N                   timed password changes per variant and latency (default 200)",
            "  --latencies A,B,...     simulated per-request latencies in ms (default 0,20)",
            "  --warmup W              untimed changes per variant before timing, at each latency (default 50)",
            "  --jit-warmup J          untimed changes per variant at latency 0, once before everything else,",
            "                          so that the JIT has compiled every variant's code (default 2000)",
            "  --rounds R              the N changes are split into R rounds; each round runs every variant,",
            "                          in an order rotated from round to round (default 8: each of",
            "                          the 4 variants goes first, second, third and last equally often)",
            "  --resource-changes C    changes for the thread and heap check, 0 to skip it (default 10000)",
            "  --changes-per-client K  a new PlatformClient every K changes in that check (default 100)",
            "  --settle-limit S        if the threads are not back within 5 s after the last close, wait up to",
            "                          S seconds in all to see when they end (default 75; 5 or less: don't wait)",
            "  --server-nodelay B      true (default): the simulator's HTTP server sets TCP_NODELAY",
            "                          (-Dsun.net.httpserver.nodelay=true); false shows the 40 ms Nagle/delayed-ACK",
            "                          stall that every answer with a body then suffers on Linux",
            "  --verbose               also print each round's medians",
            "Per build over TLS behind the latency front:",
            "  --network-latencies A,B round trips the latency front adds, in ms, or 'none' (default 0,20,50)",
            "  --network-n N           timed later builds (and floor requests) per round trip (default 100)",
            "  --fresh-n M             timed first builds (and scripts) per round trip (default 30)",
            "  --network-warmup W      untimed later builds per variant at each round trip; first builds",
            "                          and scripts get at most 3 (default 20)",
            "  --cpu-operations C      operations per variant in the CPU check at 0 ms, 0 to skip it (default 20000)",
            "  --cpu-warmup W          untimed operations per variant right before the CPU check's blocks, so that",
            "                          the JIT has finished compiling both when they are timed (default 10000)",
            "  --curl PATH             the curl for the script variant, 'none' to leave it out (default curl)");

    static BenchmarkOptions parse(String[] args) {
        int n = 200;
        List<Integer> latencies = List.of(0, 20);
        int warmup = 50;
        int jitWarmup = 2000;
        int settleLimit = 75;
        boolean noDelay = true;
        int rounds = 8;
        int resourceChanges = 10_000;
        int perClient = 100;
        boolean verbose = false;
        List<Integer> networkLatencies = List.of(0, 20, 50);
        int networkN = 100;
        int freshN = 30;
        int networkWarmup = 20;
        // 3,000 left the ratio anywhere from 1.3 to 2.3 between runs of one commit; 20,000 kept it within 1.18-1.41.
        int cpuOperations = 20000;
        int cpuWarmup = 10_000;
        String curl = "curl";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--n" -> n = positive(arg, value(args, ++i, arg));
                case "--latencies" -> latencies = latencies(arg, value(args, ++i, arg));
                case "--warmup" -> warmup = atLeastZero(arg, value(args, ++i, arg));
                case "--jit-warmup" -> jitWarmup = atLeastZero(arg, value(args, ++i, arg));
                case "--settle-limit" -> settleLimit = atLeastZero(arg, value(args, ++i, arg));
                case "--server-nodelay" -> noDelay = bool(arg, value(args, ++i, arg));
                case "--rounds" -> rounds = positive(arg, value(args, ++i, arg));
                case "--resource-changes" -> resourceChanges = atLeastZero(arg, value(args, ++i, arg));
                case "--changes-per-client" -> perClient = positive(arg, value(args, ++i, arg));
                case "--verbose" -> verbose = true;
                case "--network-latencies" -> {
                    String text = value(args, ++i, arg);
                    networkLatencies = text.strip().equals("none") ? List.of() : latencies(arg, text);
                }
                case "--network-n" -> networkN = positive(arg, value(args, ++i, arg));
                case "--fresh-n" -> freshN = positive(arg, value(args, ++i, arg));
                case "--network-warmup" -> networkWarmup = positive(arg, value(args, ++i, arg));
                case "--cpu-operations" -> cpuOperations = atLeastZero(arg, value(args, ++i, arg));
                case "--cpu-warmup" -> cpuWarmup = atLeastZero(arg, value(args, ++i, arg));
                case "--curl" -> curl = value(args, ++i, arg).strip();
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (rounds > n) {
            throw new IllegalArgumentException("--rounds (" + rounds + ") cannot exceed --n (" + n + ")");
        }
        if (!networkLatencies.isEmpty() && rounds > Math.min(networkN, freshN)) {
            throw new IllegalArgumentException("--rounds (" + rounds + ") cannot exceed --network-n or --fresh-n ("
                    + Math.min(networkN, freshN) + ")");
        }
        return new BenchmarkOptions(
                n,
                latencies,
                warmup,
                jitWarmup,
                rounds,
                resourceChanges,
                perClient,
                settleLimit,
                noDelay,
                verbose,
                networkLatencies,
                networkN,
                freshN,
                networkWarmup,
                cpuOperations,
                cpuWarmup,
                curl);
    }

    private static String value(String[] args, int index, String name) {
        if (index >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index];
    }

    private static boolean bool(String name, String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " expects true or false, not '" + text + "'");
        };
    }

    private static int positive(String name, String text) {
        int value = integer(name, text);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }

    private static int atLeastZero(String name, String text) {
        int value = integer(name, text);
        if (value < 0) {
            throw new IllegalArgumentException(name + " cannot be negative");
        }
        return value;
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects a whole number, not '" + text + "'");
        }
    }

    private static List<Integer> latencies(String name, String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                values.add(atLeastZero(name, part));
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one value");
        }
        return List.copyOf(values);
    }
}
