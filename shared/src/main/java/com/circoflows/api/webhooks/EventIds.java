package com.circoflows.api.webhooks;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.webhook.WebhookEvents;

/** Path ids that can't be ours are 404s at once, without touching the database. */
final class EventIds {
    private EventIds() {
    }

    static String fromPath(String value) {
        if (!WebhookEvents.isEventId(value)) {
            throw new ApiException(ErrorCode.EVENT_NOT_FOUND);
        }
        return value;
    }
}
