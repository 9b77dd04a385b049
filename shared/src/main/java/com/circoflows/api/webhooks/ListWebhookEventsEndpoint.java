package com.circoflows.api.webhooks;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PageRequest;
import com.circoflows.api.payments.TransactionIds;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.WebhookEventPage;
import com.circoflows.domain.webhook.WebhookEventQueries;

/**
 * GET /api/webhook-events?limit=20&cursor=…[&transaction_id=txn_…]: newest first; with transaction_id,
 * only that payment's events (an empty list for an id that is not the caller's, as for an unknown one).
 */
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
        String transactionId = transactionId(request.queryParameters().get("transaction_id"));
        WebhookEventPage found = transactionId == null
                ? events.list(caller, page.limit(), page.cursor())
                : events.listForTransaction(caller, transactionId, page.limit(), page.cursor());
        return Envelope.ok(200, null, PageRequest.page("events",
                found.events().stream().map(WebhookEventViews::summary).toList(), found.nextCursor()));
    }

    /** A value that can't be a transaction id is a 400 naming it, before anything is read. */
    private static String transactionId(String raw) {
        if (raw == null) {
            return null;
        }
        if (!TransactionIds.isWellFormed(raw)) {
            throw ApiException.invalidParam("transaction_id",
                    "The transaction_id is not a transaction id (txn_ followed by 24 letters and digits).");
        }
        return raw;
    }
}
