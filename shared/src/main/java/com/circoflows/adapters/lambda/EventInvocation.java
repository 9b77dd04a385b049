package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.circoflows.observability.ColdStart;
import com.circoflows.observability.LogContext;
import com.circoflows.observability.Metrics;
import com.circoflows.observability.ProcessMetrics;
import java.util.function.Supplier;

/** Around a queue or schedule invocation: its ids on each log line it writes, and a cold start counted once. */
public final class EventInvocation {
    private EventInvocation() {
    }

    public static <T> T handle(Context context, Supplier<T> handling) {
        return handle(context, handling, ProcessMetrics.get(), ColdStart.CONTAINER);
    }

    static <T> T handle(Context context, Supplier<T> handling, Metrics metrics, ColdStart coldStart) {
        InvocationStart.begin(context, metrics, coldStart, System.getenv());
        try {
            return handling.get();
        } finally {
            LogContext.endInvocation();
        }
    }
}
