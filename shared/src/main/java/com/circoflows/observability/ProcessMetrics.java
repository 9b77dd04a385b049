package com.circoflows.observability;

import java.time.Clock;
import java.util.Map;

/**
 * The metrics of this process: EMF on Lambda (where AWS_LAMBDA_FUNCTION_NAME is set), nothing in
 * the local runner and tests, whose stdout is a terminal or a captured log and not CloudWatch.
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
        if (environment.get("AWS_LAMBDA_FUNCTION_NAME") == null) {
            return Metrics.NONE;
        }
        return new EmfMetrics(environment.getOrDefault("STAGE", "dev"), System.out, Clock.systemUTC());
    }
}
