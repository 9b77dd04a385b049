package com.circoflows.observability;

import java.time.Clock;
import java.util.Map;

/**
 * The metrics of this process: EMF on Lambda (where AWS_LAMBDA_FUNCTION_NAME is set), nothing in
 * the local runner, benchmarks and tests (local mode), whose stdout is a terminal or a captured log,
 * not CloudWatch.
 */
public final class ProcessMetrics {
    private static volatile Metrics current;

    private ProcessMetrics() {
    }

    public static Metrics get() {
        Metrics metrics = current;
        if (metrics == null) {
            metrics = forEnvironment(System.getenv());
            current = metrics;
        }
        return metrics;
    }

    static Metrics forEnvironment(Map<String, String> environment) {
        // The local stack's probes set AWS_LAMBDA_FUNCTION_NAME too, but with local mode on.
        if (environment.get("AWS_LAMBDA_FUNCTION_NAME") == null
                || "true".equalsIgnoreCase(environment.get("CIRCOFLOWS_LOCAL_MODE"))) {
            return Metrics.NONE;
        }
        return new EmfMetrics(environment.getOrDefault("STAGE", "dev"), System.out, Clock.systemUTC());
    }
}
