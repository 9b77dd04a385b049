package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.MerchantEndpoint;

/** The whole of an /api handler: event in, pipeline and endpoint, event out. */
public abstract class MerchantApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final MerchantApiPipeline pipeline;
    private final MerchantEndpoint endpoint;

    protected MerchantApiHandler(MerchantApiPipeline pipeline, MerchantEndpoint endpoint) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpInvocation.serve(event, context, request -> pipeline.handle(request, endpoint));
    }
}
