package com.circoflows.functions.banktransfers.testfund;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.banktransfers.FundTestBankTransferEndpoint;

/** Test mode's bank: puts a credit for a test bank transfer on the bank credit feed. */
@HttpRoute(method = "POST", path = "/api/test/bank-transfers/{transaction_id}/fund")
public final class FundTestBankTransferHandler extends MerchantApiHandler {
    public FundTestBankTransferHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private FundTestBankTransferHandler(FunctionWiring wiring) {
        this(wiring.api().idempotentMerchantApiPipeline(), wiring.bankTransfers().fundTestBankTransferEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public FundTestBankTransferHandler(MerchantApiPipeline pipeline, FundTestBankTransferEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
