package com.circoflows.functions.webhooks.delivery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.adapters.lambda.WebhookJobBatch;
import com.circoflows.adapters.lambda.EventInvocation;
import com.circoflows.adapters.wiring.FunctionWiring;

/** Consumes the webhook queue: signs and POSTs each event, reports partial batch failures. */
public final class WebhookDeliveryHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final WebhookJobBatch batch;

    public WebhookDeliveryHandler() {
        this(FunctionWiring.fromEnvironment().webhooks().webhookJobBatch());
    }

    public WebhookDeliveryHandler(WebhookJobBatch batch) {
        this.batch = batch;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return EventInvocation.handle(context, () -> batch.handle(event));
    }
}
