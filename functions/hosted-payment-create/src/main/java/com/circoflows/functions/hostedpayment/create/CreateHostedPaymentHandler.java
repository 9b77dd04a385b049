package com.circoflows.functions.hostedpayment.create;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.sessions.CreateHostedPaymentEndpoint;

@HttpRoute(method = "POST", path = "/api/hosted-payment")
public final class CreateHostedPaymentHandler extends MerchantApiHandler {
    public CreateHostedPaymentHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private CreateHostedPaymentHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.sessions().createHostedPaymentEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public CreateHostedPaymentHandler(MerchantApiPipeline pipeline, CreateHostedPaymentEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
