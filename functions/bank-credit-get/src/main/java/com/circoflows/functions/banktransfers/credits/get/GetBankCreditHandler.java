package com.circoflows.functions.banktransfers.credits.get;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.banktransfers.GetBankCreditEndpoint;

@HttpRoute(method = "GET", path = "/api/bank-credits/{credit_id}")
public final class GetBankCreditHandler extends MerchantApiHandler {
    public GetBankCreditHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private GetBankCreditHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.bankTransfers().getBankCreditEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public GetBankCreditHandler(MerchantApiPipeline pipeline, GetBankCreditEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
