package com.circoflows.functions.apikeys.revoke;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.keys.RevokeApiKeyEndpoint;

@HttpRoute(method = "DELETE", path = "/api/keys/{key_id}")
public final class RevokeApiKeyHandler extends MerchantApiHandler {
    public RevokeApiKeyHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private RevokeApiKeyHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.keys().revokeApiKeyEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public RevokeApiKeyHandler(MerchantApiPipeline pipeline, RevokeApiKeyEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
