package com.circoflows.benchmarks.sizing;

import java.lang.management.ManagementFactory;

/**
 * CPU time and allocation of the invoking thread: the handler's own work, without DynamoDB Local's
 * and ElasticMQ's, which run in this JVM too but are AWS's servers on Lambda. Work a handler hands to
 * other threads (webhook delivery's parallel POSTs) is not counted.
 */
final class ThreadMeter {
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    ThreadMeter() {
        threads.setThreadCpuTimeEnabled(true);
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    long cpuNanos() {
        return threads.getCurrentThreadCpuTime();
    }

    long allocatedBytes() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
