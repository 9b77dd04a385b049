package com.circoflows.functions.directpayment.create;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.payments.CreateDirectPaymentEndpoint;

@HttpRoute(method = "POST", path = "/api/direct-payment")
public final class CreateDirectPaymentHandler extends MerchantApiHandler {
    public CreateDirectPaymentHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private CreateDirectPaymentHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.payments().createDirectPaymentEndpoint());
        SnapStartPriming.register(wiring.payments().createDirectPaymentPriming());
    }

    public CreateDirectPaymentHandler(MerchantApiPipeline pipeline, CreateDirectPaymentEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
