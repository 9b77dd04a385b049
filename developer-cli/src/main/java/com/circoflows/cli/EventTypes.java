package com.circoflows.cli;

import java.util.List;

/** The event types the API sends (docs/webhooks.md "Events"). */
final class EventTypes {
    static final List<String> ALL = List.of("payment.succeeded", "payment.failed", "payment.pending",
            "payment.authorized", "payment.canceled", "refund.succeeded", "refund.failed", "webhook.test");

    private EventTypes() {
    }
}
