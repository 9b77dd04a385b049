package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.circoflows.observability.LogContext;
import java.util.function.Supplier;

/** Around a queue or schedule invocation: its Lambda request id on each log line it writes. */
public final class EventInvocation {
    private EventInvocation() {
    }

    public static <T> T handle(Context context, Supplier<T> handling) {
        LogContext.beginInvocation(context == null ? null : context.getAwsRequestId());
        try {
            return handling.get();
        } finally {
            LogContext.endInvocation();
        }
    }
}
