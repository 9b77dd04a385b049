package com.circoflows.functions.branding.get;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.branding.GetBrandingEndpoint;

@HttpRoute(method = "GET", path = "/api/branding")
public final class GetBrandingHandler extends MerchantApiHandler {
    public GetBrandingHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private GetBrandingHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.branding().getBrandingEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public GetBrandingHandler(MerchantApiPipeline pipeline, GetBrandingEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
