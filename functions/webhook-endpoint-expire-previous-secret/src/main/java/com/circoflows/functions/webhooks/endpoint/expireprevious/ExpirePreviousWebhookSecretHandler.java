package com.circoflows.functions.webhooks.endpoint.expireprevious;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.webhooks.ExpirePreviousWebhookSecretEndpoint;

@HttpRoute(method = "POST", path = "/api/webhook-endpoint/expire-previous-secret")
public final class ExpirePreviousWebhookSecretHandler extends MerchantApiHandler {
    public ExpirePreviousWebhookSecretHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private ExpirePreviousWebhookSecretHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.webhooks().expirePreviousWebhookSecretEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public ExpirePreviousWebhookSecretHandler(MerchantApiPipeline pipeline, ExpirePreviousWebhookSecretEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
