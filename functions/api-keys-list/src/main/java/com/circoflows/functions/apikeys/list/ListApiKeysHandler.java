package com.circoflows.functions.apikeys.list;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.keys.ListApiKeysEndpoint;

@HttpRoute(method = "GET", path = "/api/keys")
public final class ListApiKeysHandler extends MerchantApiHandler {
    public ListApiKeysHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private ListApiKeysHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.keys().listApiKeysEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public ListApiKeysHandler(MerchantApiPipeline pipeline, ListApiKeysEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
