package com.circoflows.benchmarks.load;

import com.circoflows.benchmarks.load.InvariantCheck.Invariant;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a load run measured and whether the invariants held; prints as the command's report. */
record LoadResult(LoadOptions options, Duration elapsed, Observations observations, List<Invariant> invariants,
        long rateLimitWaitMillis) {

    boolean invariantsHold() {
        return invariants.stream().allMatch(Invariant::holds);
    }

    int requests() {
        return observations.calls().size();
    }

    double requestsPerSecond() {
        return requests() / (elapsed.toNanos() / 1e9);
    }

    String report() {
        List<Observations.Call> calls = observations.calls();
        StringBuilder out = new StringBuilder();
        out.append(String.format("Load: %d clients for %.1f s against the local runner (%d requests, %.1f/s)%n",
                options.concurrency(), elapsed.toNanos() / 1e9, calls.size(), requestsPerSecond()));
        out.append("  latency, all requests: ").append(percentiles(calls)).append('\n');
        Map<Operation, List<Observations.Call>> byOperation = new EnumMap<>(Operation.class);
        calls.forEach(call -> byOperation.computeIfAbsent(call.operation(), op -> new java.util.ArrayList<>()).add(call));
        byOperation.forEach((operation, ofOperation) -> out.append(String.format("  %-19s %6d  %s%n",
                operation.name().toLowerCase(java.util.Locale.ROOT), ofOperation.size(), percentiles(ofOperation))));
        long payments = calls.stream().filter(call -> call.operation().isNewPayment()).count();
        out.append(String.format("  new payments: %d (%.1f/s); statuses %s; waited for rate-limit windows %d ms%n",
                payments, payments / (elapsed.toNanos() / 1e9), observations.statusCounts(), rateLimitWaitMillis));
        out.append("  invariants:\n");
        invariants.forEach(invariant -> out.append(String.format("    [%s] %s: %s%n",
                invariant.holds() ? "ok" : "FAILED", invariant.name(), invariant.detail())));
        return out.toString();
    }

    private static String percentiles(List<Observations.Call> calls) {
        long[] sorted = calls.stream().mapToLong(Observations.Call::latencyNanos).sorted().toArray();
        if (sorted.length == 0) {
            return "none";
        }
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", rank(sorted, 50), rank(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
