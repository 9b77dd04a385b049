package com.circoflows.functions.dashboard.payments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.lambda.HttpInvocation;
import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.dashboard.DashboardApp;

/** The merchant dashboard's pages for payments (list, search, a payment's page, refund, capture, cancel) and hosted payment sessions; signed in by the dashboard's session cookie, not an API key. */
@HttpRoute(method = "GET", path = "/dashboard/payments")
@HttpRoute(method = "GET", path = "/dashboard/payments/{transaction_id}")
@HttpRoute(method = "POST", path = "/dashboard/payments/{transaction_id}/refund")
@HttpRoute(method = "POST", path = "/dashboard/payments/{transaction_id}/capture")
@HttpRoute(method = "POST", path = "/dashboard/payments/{transaction_id}/cancel")
@HttpRoute(method = "GET", path = "/dashboard/sessions")
@HttpRoute(method = "GET", path = "/dashboard/sessions/{session_id}")
@HttpRoute(method = "POST", path = "/dashboard/sessions/{session_id}/cancel")
public final class DashboardPaymentsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DashboardApp pages;

    public DashboardPaymentsHandler() {
        this(FunctionWiring.fromEnvironment().dashboard().paymentPages());
    }

    public DashboardPaymentsHandler(DashboardApp pages) {
        this.pages = pages;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpInvocation.serve(event, context, pages::handle);
    }
}
