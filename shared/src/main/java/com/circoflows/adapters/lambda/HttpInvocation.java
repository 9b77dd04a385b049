package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.observability.ColdStart;
import com.circoflows.observability.LogContext;
import com.circoflows.observability.Metrics;
import com.circoflows.observability.ProcessMetrics;
import java.time.Duration;
import java.util.function.Function;

/**
 * What every HTTP invocation shares around its handling: the invocation's ids on each log line
 * ({@link InvocationStart}), a cold start counted once, and the route's latency as a metric.
 */
public final class HttpInvocation {
    private HttpInvocation() {
    }

    public static APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context,
            Function<ApiRequest, ApiResponse> handling) {
        return serve(event, context, handling, ProcessMetrics.get(), ColdStart.CONTAINER);
    }

    static APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context,
            Function<ApiRequest, ApiResponse> handling, Metrics metrics, ColdStart coldStart) {
        long started = System.nanoTime();
        InvocationStart.begin(context, metrics, coldStart, System.getenv());
        try {
            APIGatewayV2HTTPResponse response = ApiGatewayEvents.toEvent(handling.apply(ApiGatewayEvents.toRequest(event)));
            metrics.requestServed(event.getRouteKey(), response.getStatusCode(),
                    Duration.ofNanos(System.nanoTime() - started));
            return response;
        } finally {
            LogContext.endInvocation();
        }
    }
}
