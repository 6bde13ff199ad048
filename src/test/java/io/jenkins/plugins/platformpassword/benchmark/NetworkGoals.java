package io.jenkins.plugins.platformpassword.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The goals of the per-build part, each a ratio to a baseline measured in the same run, or a count:
 * a later build against the floor (one round trip on an open connection); the first build in round
 * trips, counted on the wire by the front and in time against the same floor; the script against a
 * later build; CPU per build against a bare POST.
 */
final class NetworkGoals {

    static final double LATER_OVER_FLOOR = 1.1;
    static final double FIRST_IN_FLOORS = 4.0;
    static final double SCRIPT_OVER_LATER_20MS = 5.0;
    static final double CPU_OVER_BARE_POST = 1.5;

    private NetworkGoals() {}

    static List<Goal> of(NetworkBenchmark.Result result) {
        List<Goal> goals = new ArrayList<>();
        overFloor(goals, result, "later build", NetworkBenchmark.LATER, LATER_OVER_FLOOR);
        for (int rtt : new int[] {20, 50}) {
            NetworkBenchmark.Phase phase = result == null ? null : result.at(rtt);
            String text = String.format(
                    Locale.ROOT, "first build: round trips on the wire <= %.0f at %d ms", FIRST_IN_FLOORS, rtt);
            if (phase == null) {
                goals.add(Goal.notMeasured(text));
            } else {
                double wire = phase.get(NetworkBenchmark.FIRST).wireRoundTrips();
                goals.add(new Goal(
                        text,
                        wire <= FIRST_IN_FLOORS,
                        String.format(Locale.ROOT, "%.2f (TCP, TLS, token, change)", wire)));
            }
        }
        overFloor(goals, result, "first build", NetworkBenchmark.FIRST, FIRST_IN_FLOORS);
        NetworkBenchmark.Phase at20 = result == null ? null : result.at(20);
        String script = result == null ? NetworkBenchmark.CURL : result.scriptVariant();
        String text =
                String.format(Locale.ROOT, "%s/later build (median) >= %.2f at 20 ms", script, SCRIPT_OVER_LATER_20MS);
        if (at20 == null) {
            goals.add(Goal.notMeasured(text));
        } else {
            double over = at20.over(script, NetworkBenchmark.LATER);
            goals.add(new Goal(text, over >= SCRIPT_OVER_LATER_20MS, String.format(Locale.ROOT, "%.3f", over)));
        }
        String cpuText = String.format(
                Locale.ROOT, "CPU per later build/bare POST <= %.2f at 0 ms (client side)", CPU_OVER_BARE_POST);
        CpuCheck.Result cpu = result == null ? null : result.cpu();
        goals.add(
                cpu == null
                        ? Goal.notMeasured(cpuText)
                        : new Goal(
                                cpuText,
                                cpu.clientRatio() <= CPU_OVER_BARE_POST,
                                String.format(
                                        Locale.ROOT,
                                        "%.3f (%.0f vs %.0f us; process %.3f)",
                                        cpu.clientRatio(),
                                        cpu.laterBuild().clientMicros(),
                                        cpu.floor().clientMicros(),
                                        cpu.processRatio())));
        return goals;
    }

    /** "{label}/floor (median) <= {limit}" at 20 and 50 ms. */
    private static void overFloor(
            List<Goal> goals, NetworkBenchmark.Result result, String label, String variant, double limit) {
        for (int rtt : new int[] {20, 50}) {
            NetworkBenchmark.Phase phase = result == null ? null : result.at(rtt);
            String text = String.format(Locale.ROOT, "%s/floor (median) <= %.2f at %d ms", label, limit, rtt);
            goals.add(
                    phase == null
                            ? Goal.notMeasured(text)
                            : ratio(text, phase, variant, phase.over(variant, NetworkBenchmark.FLOOR) <= limit));
        }
    }

    private static Goal ratio(String text, NetworkBenchmark.Phase phase, String variant, boolean met) {
        return new Goal(
                text,
                met,
                String.format(
                        Locale.ROOT,
                        "%.3f (%.2f round trips of the front)",
                        phase.over(variant, NetworkBenchmark.FLOOR),
                        phase.inRoundTrips(variant)));
    }
}
