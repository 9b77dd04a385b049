package com.circoflows.functions.directpayment.list;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.payments.ListDirectPaymentsEndpoint;

@HttpRoute(method = "GET", path = "/api/direct-payment")
public final class ListDirectPaymentsHandler extends MerchantApiHandler {
    public ListDirectPaymentsHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private ListDirectPaymentsHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.payments().listDirectPaymentsEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public ListDirectPaymentsHandler(MerchantApiPipeline pipeline, ListDirectPaymentsEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
