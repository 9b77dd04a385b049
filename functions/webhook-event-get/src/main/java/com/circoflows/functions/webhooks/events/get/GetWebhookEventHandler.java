package com.circoflows.functions.webhooks.events.get;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.webhooks.GetWebhookEventEndpoint;

@HttpRoute(method = "GET", path = "/api/webhook-events/{event_id}")
public final class GetWebhookEventHandler extends MerchantApiHandler {
    public GetWebhookEventHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private GetWebhookEventHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.webhooks().getWebhookEventEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public GetWebhookEventHandler(MerchantApiPipeline pipeline, GetWebhookEventEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
