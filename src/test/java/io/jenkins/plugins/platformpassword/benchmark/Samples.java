package io.jenkins.plugins.platformpassword.benchmark;

import java.util.Arrays;

/** Durations in nanoseconds, pooled over all rounds of one variant at one latency. */
final class Samples {

    private long[] nanos = new long[256];
    private int size;

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    int size() {
        return size;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    /** Nearest-rank percentile: the smallest sample that at least {@code p} percent of the samples do not exceed. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    double meanMillis() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += nanos[i];
        }
        return size == 0 ? Double.NaN : sum / 1e6 / size;
    }
}
