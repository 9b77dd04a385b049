package com.circoflows.benchmarks;

import java.util.Arrays;

/** Nearest-rank percentiles of measured durations, in milliseconds. */
record Percentiles(double p50, double p90, double p99, double max, int count) {
    static Percentiles ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms", count, p50, p90, p99, max);
    }
}
