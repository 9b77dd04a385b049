package com.circoflows.functions.webhooks.events.redeliver;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.webhooks.RedeliverWebhookEventEndpoint;

@HttpRoute(method = "POST", path = "/api/webhook-events/{event_id}/redeliver")
public final class RedeliverWebhookEventHandler extends MerchantApiHandler {
    public RedeliverWebhookEventHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private RedeliverWebhookEventHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.webhooks().redeliverWebhookEventEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public RedeliverWebhookEventHandler(MerchantApiPipeline pipeline, RedeliverWebhookEventEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
