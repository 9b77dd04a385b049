package com.circoflows.benchmarks.sizing;

/** One function's figures, per invocation unless named otherwise. */
record SizingResult(String function, long cpuMedianNanos, long cpuP90Nanos, long wallMedianNanos,
        long allocatedMedianBytes, long retainedHeapBytes, long peakHeapBytes) {

    static final String HEADER = String.format("  %-32s %9s %9s %9s %7s %11s %13s %11s",
            "function", "cpu p50", "cpu p90", "wall p50", "cpu %", "alloc p50", "kept after GC", "peak heap");

    String row() {
        return String.format("  %-32s %7.1fms %7.1fms %7.1fms %6.0f%% %9.1fMB %11.1fMB %9.0fMB", function,
                cpuMedianNanos / 1e6, cpuP90Nanos / 1e6, wallMedianNanos / 1e6,
                100.0 * cpuMedianNanos / Math.max(1, wallMedianNanos), allocatedMedianBytes / 1e6,
                retainedHeapBytes / 1e6, peakHeapBytes / 1e6);
    }
}
