package com.circoflows.functions.dashboard.settings;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.lambda.HttpInvocation;
import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.dashboard.DashboardApp;

/** The merchant dashboard's pages for API keys, webhooks (endpoint, secret, test event, delivery log) and branding (with logo uploads); signed in by the dashboard's session cookie, not an API key. */
@HttpRoute(method = "GET", path = "/dashboard/settings/api-keys")
@HttpRoute(method = "POST", path = "/dashboard/settings/api-keys")
@HttpRoute(method = "POST", path = "/dashboard/settings/api-keys/{key_id}/revoke")
@HttpRoute(method = "GET", path = "/dashboard/settings/webhooks")
@HttpRoute(method = "POST", path = "/dashboard/settings/webhooks")
@HttpRoute(method = "POST", path = "/dashboard/settings/webhooks/reveal-secret")
@HttpRoute(method = "POST", path = "/dashboard/settings/webhooks/rotate-secret")
@HttpRoute(method = "POST", path = "/dashboard/settings/webhooks/expire-previous-secret")
@HttpRoute(method = "POST", path = "/dashboard/settings/webhooks/test")
@HttpRoute(method = "GET", path = "/dashboard/settings/webhooks/events/{event_id}")
@HttpRoute(method = "POST", path = "/dashboard/settings/webhooks/events/{event_id}/redeliver")
@HttpRoute(method = "GET", path = "/dashboard/settings/branding")
@HttpRoute(method = "POST", path = "/dashboard/settings/branding")
@HttpRoute(method = "GET", path = "/dashboard/settings/branding/logo")
@HttpRoute(method = "POST", path = "/dashboard/settings/branding/logo")
@HttpRoute(method = "POST", path = "/dashboard/settings/branding/logo/remove")
public final class DashboardSettingsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DashboardApp pages;

    public DashboardSettingsHandler() {
        this(FunctionWiring.fromEnvironment().dashboard().settingsPages());
    }

    public DashboardSettingsHandler(DashboardApp pages) {
        this.pages = pages;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpInvocation.serve(event, context, pages::handle);
    }
}
