package com.circoflows.functions.banktransfers.credits;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.adapters.lambda.BankCreditBatch;
import com.circoflows.adapters.lambda.EventInvocation;
import com.circoflows.adapters.wiring.FunctionWiring;

/** Consumes the bank credit feed: each credit is applied to its payment once, or held; never dropped. */
public final class BankCreditsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final BankCreditBatch batch;

    public BankCreditsHandler() {
        this(FunctionWiring.fromEnvironment().bankTransfers().bankCreditBatch());
    }

    public BankCreditsHandler(BankCreditBatch batch) {
        this.batch = batch;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return EventInvocation.handle(context, () -> batch.handle(event));
    }
}
