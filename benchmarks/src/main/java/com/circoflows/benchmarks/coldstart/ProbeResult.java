package com.circoflows.benchmarks.coldstart;

/**
 * One fresh JVM's cold start, in milliseconds.
 *
 * @param jvmStartMillis process spawned until the probe's main method ran (the JVM's own start)
 * @param initMillis     the handler class loaded and its no-arg constructor done (Lambda's Init)
 * @param invokeMillis   the first handleRequest
 * @param totalMillis    process spawned until the first response was printed
 * @param outcome        what the invocation answered, e.g. {@code http_200}, {@code sqs_failures_0}
 */
record ProbeResult(double jvmStartMillis, double initMillis, double invokeMillis, double totalMillis,
        String outcome) {

    boolean succeeded() {
        return outcome.matches("http_[23]\\d\\d") || outcome.equals("sqs_failures_0") || outcome.equals("returned");
    }
}
