package com.circoflows.functions.directpayment.confirm;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.payments.ConfirmThreeDSecureEndpoint;

@HttpRoute(method = "POST", path = "/api/direct-payment/{transaction_id}/confirm-3ds")
public final class ConfirmThreeDSecureHandler extends MerchantApiHandler {
    public ConfirmThreeDSecureHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private ConfirmThreeDSecureHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.payments().confirmThreeDSecureEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public ConfirmThreeDSecureHandler(MerchantApiPipeline pipeline, ConfirmThreeDSecureEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
