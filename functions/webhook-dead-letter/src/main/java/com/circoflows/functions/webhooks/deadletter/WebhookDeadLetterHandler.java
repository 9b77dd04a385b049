package com.circoflows.functions.webhooks.deadletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.adapters.lambda.DeadLetterBatch;
import com.circoflows.adapters.lambda.EventInvocation;
import com.circoflows.adapters.wiring.FunctionWiring;

/** Consumes the dead-letter queue: events whose retries ran out become failed, ready for redelivery. */
public final class WebhookDeadLetterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final DeadLetterBatch batch;

    public WebhookDeadLetterHandler() {
        this(FunctionWiring.fromEnvironment().webhooks().deadLetterBatch());
    }

    public WebhookDeadLetterHandler(DeadLetterBatch batch) {
        this.batch = batch;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return EventInvocation.handle(context, () -> batch.handle(event));
    }
}
