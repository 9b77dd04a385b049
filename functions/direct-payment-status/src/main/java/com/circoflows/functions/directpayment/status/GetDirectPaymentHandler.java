package com.circoflows.functions.directpayment.status;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.payments.GetDirectPaymentEndpoint;

@HttpRoute(method = "GET", path = "/api/direct-payment/{transaction_id}")
public final class GetDirectPaymentHandler extends MerchantApiHandler {
    public GetDirectPaymentHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private GetDirectPaymentHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.payments().getDirectPaymentEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public GetDirectPaymentHandler(MerchantApiPipeline pipeline, GetDirectPaymentEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
