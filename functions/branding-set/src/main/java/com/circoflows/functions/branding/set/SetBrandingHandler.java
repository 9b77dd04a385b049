package com.circoflows.functions.branding.set;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.branding.SetBrandingEndpoint;

@HttpRoute(method = "PUT", path = "/api/branding")
public final class SetBrandingHandler extends MerchantApiHandler {
    public SetBrandingHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private SetBrandingHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.branding().setBrandingEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public SetBrandingHandler(MerchantApiPipeline pipeline, SetBrandingEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
