package com.circoflows.testsupport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.localstack.LocalLambdaContext;

/** Invokes a handler the way Lambda does, with the context the local runner gives too. */
public final class LambdaInvocations {
    private LambdaInvocations() {
    }

    /** A context like the one Lambda passes, with the API Gateway request's id; handlers read only that. */
    public static Context context(String functionName, APIGatewayV2HTTPEvent event) {
        String requestId = event.getRequestContext() == null ? RandomIds.base62(12)
                : event.getRequestContext().getRequestId();
        return new LocalLambdaContext(requestId, functionName, LocalLambdaContext.DEFAULT_MEMORY_MB);
    }

    /** A context for an invocation without an API Gateway request id (SQS, schedule). */
    public static Context context(String functionName) {
        return LocalLambdaContext.forInvocation(functionName);
    }

    public static APIGatewayV2HTTPResponse invoke(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>
            handler, String functionName, APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, context(functionName, event));
    }
}
