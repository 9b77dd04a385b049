package com.circoflows.api.webhooks;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PageRequest;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.WebhookEventPage;
import com.circoflows.domain.webhook.WebhookEventQueries;

/** GET /api/webhook-events?limit=20&cursor=…: newest first. */
public final class ListWebhookEventsEndpoint implements MerchantEndpoint {
    private final WebhookEventQueries events;

    public ListWebhookEventsEndpoint(WebhookEventQueries events) {
        this.events = events;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.WEBHOOKS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        PageRequest page = PageRequest.from(request);
        WebhookEventPage found = events.list(caller, page.limit(), page.cursor());
        return Envelope.ok(200, null, PageRequest.page("events",
                found.events().stream().map(WebhookEventViews::summary).toList(), found.nextCursor()));
    }
}
