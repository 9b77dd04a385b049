package com.circoflows.functions.dashboard.account;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.lambda.HttpInvocation;
import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.dashboard.DashboardApp;

/** The merchant dashboard's pages for sign-up, sign-in (with the second factor), sign-out, the person's own account and the team; signed in by the dashboard's session cookie, not an API key. */
@HttpRoute(method = "GET", path = "/dashboard")
@HttpRoute(method = "GET", path = "/dashboard/signup")
@HttpRoute(method = "POST", path = "/dashboard/signup")
@HttpRoute(method = "GET", path = "/dashboard/login")
@HttpRoute(method = "POST", path = "/dashboard/login")
@HttpRoute(method = "GET", path = "/dashboard/login/verify")
@HttpRoute(method = "POST", path = "/dashboard/login/verify")
@HttpRoute(method = "POST", path = "/dashboard/logout")
@HttpRoute(method = "GET", path = "/dashboard/account")
@HttpRoute(method = "POST", path = "/dashboard/account/password")
@HttpRoute(method = "POST", path = "/dashboard/account/sign-out-everywhere")
@HttpRoute(method = "POST", path = "/dashboard/account/two-factor")
@HttpRoute(method = "POST", path = "/dashboard/account/two-factor/confirm")
@HttpRoute(method = "POST", path = "/dashboard/account/two-factor/disable")
@HttpRoute(method = "GET", path = "/dashboard/team")
@HttpRoute(method = "POST", path = "/dashboard/team/invite")
@HttpRoute(method = "POST", path = "/dashboard/team/{user_id}/role")
@HttpRoute(method = "POST", path = "/dashboard/team/{user_id}/remove")
public final class DashboardAccountHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DashboardApp pages;

    public DashboardAccountHandler() {
        this(FunctionWiring.fromEnvironment().dashboard().accountPages());
    }

    public DashboardAccountHandler(DashboardApp pages) {
        this.pages = pages;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpInvocation.serve(event, context, pages::handle);
    }
}
