package com.circoflows.functions.banktransfers.credits.list;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.banktransfers.ListBankCreditsEndpoint;

@HttpRoute(method = "GET", path = "/api/bank-credits")
public final class ListBankCreditsHandler extends MerchantApiHandler {
    public ListBankCreditsHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private ListBankCreditsHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.bankTransfers().listBankCreditsEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public ListBankCreditsHandler(MerchantApiPipeline pipeline, ListBankCreditsEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
