package com.circoflows.benchmarks.coldstart;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Medians per function, and each function's spawn-to-response against the yardstick's. */
final class ColdStartReport {
    private ColdStartReport() {
    }

    static String line(String name, List<ProbeResult> runs) {
        return String.format("%-32s JVM start %6.1f ms, init %7.1f ms, first invocation %7.1f ms, spawn to response %7.1f ms (median of %d)",
                name, median(runs, ProbeResult::jvmStartMillis), median(runs, ProbeResult::initMillis),
                median(runs, ProbeResult::invokeMillis), median(runs, ProbeResult::totalMillis), runs.size());
    }

    static String table(Map<String, List<ProbeResult>> results, String yardstick) {
        double yardstickTotal = median(results.get(yardstick), ProbeResult::totalMillis);
        StringBuilder table = new StringBuilder("\n| function | JVM start | init | first invocation | spawn to response | vs yardstick |\n"
                + "|---|---|---|---|---|---|\n");
        results.forEach((name, runs) -> table.append(String.format("| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.2f× |%n",
                name, median(runs, ProbeResult::jvmStartMillis), median(runs, ProbeResult::initMillis),
                median(runs, ProbeResult::invokeMillis), median(runs, ProbeResult::totalMillis),
                median(runs, ProbeResult::totalMillis) / yardstickTotal)));
        return table.toString();
    }

    /** Issue 6's goal: a fresh JVM's first POST /api/direct-payment response within 1.5x the yardstick's. */
    static String goal(List<ProbeResult> directPayment, List<ProbeResult> yardstick) {
        double ratio = median(directPayment, ProbeResult::totalMillis) / median(yardstick, ProbeResult::totalMillis);
        return String.format("First POST /api/direct-payment response / minimal GetItem handler's: %.2f× (goal <= 1.5×: %s)",
                ratio, ratio <= 1.5 ? "met" : "not met");
    }

    static double median(List<ProbeResult> runs, ToDoubleFunction<ProbeResult> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
