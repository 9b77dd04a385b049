package com.circoflows.functions.refunds.list;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.refunds.ListRefundsEndpoint;

@HttpRoute(method = "GET", path = "/api/direct-payment/{transaction_id}/refunds")
public final class ListRefundsHandler extends MerchantApiHandler {
    public ListRefundsHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private ListRefundsHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.refunds().listRefundsEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public ListRefundsHandler(MerchantApiPipeline pipeline, ListRefundsEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
