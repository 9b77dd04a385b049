package com.circoflows.functions.apikeys.create;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.keys.CreateApiKeyEndpoint;

@HttpRoute(method = "POST", path = "/api/keys")
public final class CreateApiKeyHandler extends MerchantApiHandler {
    public CreateApiKeyHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private CreateApiKeyHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.keys().createApiKeyEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public CreateApiKeyHandler(MerchantApiPipeline pipeline, CreateApiKeyEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
