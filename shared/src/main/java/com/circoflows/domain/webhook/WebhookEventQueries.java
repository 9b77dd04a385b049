package com.circoflows.domain.webhook;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;

/**
 * A key's own events: the list, and one with its attempts. Another merchant's event and an event of
 * the other mode (test/live) are not found, exactly like an id that never existed.
 */
public final class WebhookEventQueries {
    private final WebhookEventRepository events;

    public WebhookEventQueries(WebhookEventRepository events) {
        this.events = events;
    }

    public WebhookEventPage list(AuthenticatedKey caller, int limit, String cursor) {
        return events.listForMerchant(caller.merchantId(), caller.mode(), limit, cursor);
    }

    /** One payment's events: empty for another merchant's or mode's transaction, as for an unknown id. */
    public WebhookEventPage listForTransaction(AuthenticatedKey caller, String transactionId, int limit,
            String cursor) {
        return events.listForTransaction(caller.merchantId(), caller.mode(), transactionId, limit, cursor);
    }

    public StoredWebhookEvent get(AuthenticatedKey caller, String eventId) {
        return events.findWithDelivery(eventId)
                .filter(stored -> stored.event().merchantId().equals(caller.merchantId())
                        && stored.event().mode() == caller.mode())
                .orElseThrow(() -> new ApiException(ErrorCode.EVENT_NOT_FOUND));
    }
}
