package com.circoflows.functions.webhooks.endpoint.rotate;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.webhooks.RotateWebhookSecretEndpoint;

@HttpRoute(method = "POST", path = "/api/webhook-endpoint/rotate-secret")
public final class RotateWebhookSecretHandler extends MerchantApiHandler {
    public RotateWebhookSecretHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private RotateWebhookSecretHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.webhooks().rotateWebhookSecretEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public RotateWebhookSecretHandler(MerchantApiPipeline pipeline, RotateWebhookSecretEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
