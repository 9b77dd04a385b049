package com.circoflows.functions.banktransfers.credits.assign;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.banktransfers.AssignBankCreditEndpoint;

@HttpRoute(method = "POST", path = "/api/bank-credits/{credit_id}/assign")
public final class AssignBankCreditHandler extends MerchantApiHandler {
    public AssignBankCreditHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private AssignBankCreditHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.bankTransfers().assignBankCreditEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public AssignBankCreditHandler(MerchantApiPipeline pipeline, AssignBankCreditEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
