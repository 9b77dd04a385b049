package com.circoflows.functions.paymentpage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.lambda.HttpInvocation;
import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.pages.PaymentPage;

/** The customer-facing hosted payment page; no API key (the session id is the credential), its own CSRF protection. */
@HttpRoute(method = "GET", path = "/pay/{session_id}")
@HttpRoute(method = "POST", path = "/pay/{session_id}")
public final class PaymentPageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final PaymentPage page;

    public PaymentPageHandler() {
        this(FunctionWiring.fromEnvironment().sessions().paymentPage());
    }

    public PaymentPageHandler(PaymentPage page) {
        this.page = page;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpInvocation.serve(event, context, page::handle);
    }
}
