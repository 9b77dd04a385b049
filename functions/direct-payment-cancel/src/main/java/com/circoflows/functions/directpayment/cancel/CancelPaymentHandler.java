package com.circoflows.functions.directpayment.cancel;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.payments.CancelPaymentEndpoint;

@HttpRoute(method = "POST", path = "/api/direct-payment/{transaction_id}/cancel")
public final class CancelPaymentHandler extends MerchantApiHandler {
    public CancelPaymentHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private CancelPaymentHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.payments().cancelPaymentEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public CancelPaymentHandler(MerchantApiPipeline pipeline, CancelPaymentEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
