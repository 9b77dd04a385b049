package com.circoflows.functions.banktransfers.credits.returns;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.banktransfers.ReturnBankCreditEndpoint;

@HttpRoute(method = "POST", path = "/api/bank-credits/{credit_id}/return")
public final class ReturnBankCreditHandler extends MerchantApiHandler {
    public ReturnBankCreditHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private ReturnBankCreditHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.bankTransfers().returnBankCreditEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public ReturnBankCreditHandler(MerchantApiPipeline pipeline, ReturnBankCreditEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
