package com.circoflows.functions.health;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.health.HealthEndpoint;

@HttpRoute(method = "GET", path = "/api/health")
public final class HealthHandler extends MerchantApiHandler {
    public HealthHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private HealthHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.api().healthEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public HealthHandler(MerchantApiPipeline pipeline, HealthEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
