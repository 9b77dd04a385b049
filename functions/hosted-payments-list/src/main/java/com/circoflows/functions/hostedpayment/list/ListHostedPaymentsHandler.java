package com.circoflows.functions.hostedpayment.list;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.sessions.ListHostedPaymentsEndpoint;

@HttpRoute(method = "GET", path = "/api/hosted-payment")
public final class ListHostedPaymentsHandler extends MerchantApiHandler {
    public ListHostedPaymentsHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private ListHostedPaymentsHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.sessions().listHostedPaymentsEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public ListHostedPaymentsHandler(MerchantApiPipeline pipeline, ListHostedPaymentsEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
