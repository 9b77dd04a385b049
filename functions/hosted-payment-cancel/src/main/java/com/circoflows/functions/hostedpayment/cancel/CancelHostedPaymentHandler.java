package com.circoflows.functions.hostedpayment.cancel;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.sessions.CancelHostedPaymentEndpoint;

@HttpRoute(method = "POST", path = "/api/hosted-payment/{session_id}/cancel")
public final class CancelHostedPaymentHandler extends MerchantApiHandler {
    public CancelHostedPaymentHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private CancelHostedPaymentHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.sessions().cancelHostedPaymentEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public CancelHostedPaymentHandler(MerchantApiPipeline pipeline, CancelHostedPaymentEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
