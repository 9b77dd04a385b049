package com.circoflows.functions.directpayment.capture;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.payments.CapturePaymentEndpoint;

@HttpRoute(method = "POST", path = "/api/direct-payment/{transaction_id}/capture")
public final class CapturePaymentHandler extends MerchantApiHandler {
    public CapturePaymentHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private CapturePaymentHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.payments().capturePaymentEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public CapturePaymentHandler(MerchantApiPipeline pipeline, CapturePaymentEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
