package com.circoflows.functions.webhooks.events.list;

import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.webhooks.ListWebhookEventsEndpoint;

@HttpRoute(method = "GET", path = "/api/webhook-events")
public final class ListWebhookEventsHandler extends MerchantApiHandler {
    public ListWebhookEventsHandler() {
        this(FunctionWiring.fromEnvironment());
    }

    private ListWebhookEventsHandler(FunctionWiring wiring) {
        this(wiring.api().merchantApiPipeline(), wiring.webhooks().listWebhookEventsEndpoint());
        SnapStartPriming.register(wiring.api().merchantApiPriming());
    }

    public ListWebhookEventsHandler(MerchantApiPipeline pipeline, ListWebhookEventsEndpoint endpoint) {
        super(pipeline, endpoint);
    }
}
