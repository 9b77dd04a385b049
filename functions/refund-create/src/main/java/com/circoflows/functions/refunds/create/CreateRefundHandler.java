package com.circoflows.functions.refunds.create;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.refunds.CreateRefundEndpoint;

@HttpRoute(method = "POST", path = "/api/direct-payment/{transaction_id}/refunds")
public final class CreateRefundHandler extends MerchantApiHandler {
    public CreateRefundHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private CreateRefundHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.refunds().createRefundEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public CreateRefundHandler(MerchantApiPipeline pipeline, CreateRefundEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
