package com.circoflows.functions.hostedpayment.status;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.sessions.GetHostedPaymentEndpoint;

@HttpRoute(method = "GET", path = "/api/hosted-payment/{session_id}")
public final class GetHostedPaymentHandler extends MerchantApiHandler {
    public GetHostedPaymentHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private GetHostedPaymentHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.sessions().getHostedPaymentEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public GetHostedPaymentHandler(MerchantApiPipeline pipeline, GetHostedPaymentEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
