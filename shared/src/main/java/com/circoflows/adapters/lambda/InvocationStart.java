package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.circoflows.observability.ColdStart;
import com.circoflows.observability.Invocation;
import com.circoflows.observability.LogContext;
import com.circoflows.observability.Metrics;
import java.util.Map;

/**
 * Reads what Lambda says about an invocation into the log context, and counts a cold start. The trace
 * id comes from the context (newer runtimes), else the system property the Java runtime sets for
 * each invocation, else the variable Lambda sets (other runtimes, or the first invocation).
 */
final class InvocationStart {
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String TRACE_HEADER_VARIABLE = "_X_AMZN_TRACE_ID";

    private InvocationStart() {
    }

    static void begin(Context context, Metrics metrics, ColdStart coldStart, Map<String, String> environment) {
        String functionName = orElse(context == null ? null : context.getFunctionName(),
                environment.get("AWS_LAMBDA_FUNCTION_NAME"));
        String functionVersion = orElse(context == null ? null : context.getFunctionVersion(),
                environment.get("AWS_LAMBDA_FUNCTION_VERSION"));
        String traceHeader = orElse(context == null ? null : context.getXrayTraceId(),
                orElse(System.getProperty(TRACE_HEADER_PROPERTY), environment.get(TRACE_HEADER_VARIABLE)));
        boolean cold = coldStart.firstInvocation();
        LogContext.beginInvocation(new Invocation(context == null ? null : context.getAwsRequestId(),
                traceRoot(traceHeader), functionName, functionVersion, cold));
        if (cold) {
            metrics.coldStart(functionName);
        }
    }

    /** "Root=1-abc-def;Parent=...;Sampled=1" gives "1-abc-def"; a bare id is kept as it is. */
    static String traceRoot(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String part : header.split(";")) {
            String field = part.trim();
            if (field.startsWith("Root=")) {
                return field.substring("Root=".length());
            }
        }
        return header.contains("=") ? null : header.trim();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
