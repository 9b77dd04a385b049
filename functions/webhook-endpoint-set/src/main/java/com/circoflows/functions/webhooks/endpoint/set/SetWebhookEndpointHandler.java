package com.circoflows.functions.webhooks.endpoint.set;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.webhooks.SetWebhookEndpointEndpoint;

@HttpRoute(method = "PUT", path = "/api/webhook-endpoint")
public final class SetWebhookEndpointHandler extends MerchantApiHandler {
    public SetWebhookEndpointHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private SetWebhookEndpointHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.webhooks().setWebhookEndpointEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public SetWebhookEndpointHandler(MerchantApiPipeline pipeline, SetWebhookEndpointEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
