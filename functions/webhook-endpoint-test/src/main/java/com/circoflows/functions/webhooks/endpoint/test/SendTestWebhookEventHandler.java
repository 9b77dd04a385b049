package com.circoflows.functions.webhooks.endpoint.test;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.webhooks.SendTestWebhookEventEndpoint;

@HttpRoute(method = "POST", path = "/api/webhook-endpoint/test")
public final class SendTestWebhookEventHandler extends MerchantApiHandler {
    public SendTestWebhookEventHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private SendTestWebhookEventHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.webhooks().sendTestWebhookEventEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public SendTestWebhookEventHandler(MerchantApiPipeline pipeline, SendTestWebhookEventEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
