package com.circoflows.functions.threedspage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.lambda.HttpInvocation;
import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.pages.ThreeDSecurePage;

/** The customer-facing 3-D Secure challenge page; no API key, its own CSRF protection. */
@HttpRoute(method = "GET", path = "/pay/3ds/{transaction_id}")
@HttpRoute(method = "POST", path = "/pay/3ds/{transaction_id}")
public final class ThreeDSecurePageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ThreeDSecurePage page;

    public ThreeDSecurePageHandler() {
        this(FunctionWiring.fromEnvironment().payments().threeDSecurePage());
    }

    public ThreeDSecurePageHandler(ThreeDSecurePage page) {
        this.page = page;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpInvocation.serve(event, context, page::handle);
    }
}
