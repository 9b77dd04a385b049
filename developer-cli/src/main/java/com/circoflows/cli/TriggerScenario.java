package com.circoflows.cli;

import com.circoflows.client.model.Payment;

/** What trigger does to cause each event type the API sends (docs/webhooks.md "Events"). */
enum TriggerScenario {
    PAYMENT_SUCCEEDED("payment.succeeded", "a card payment that succeeds (test card ending 4242)") {
        @Override
        Caused cause(TestObjects objects) {
            return Caused.about(objects.pay(TestCards.SUCCEEDS).getTransactionId());
        }
    },
    PAYMENT_FAILED("payment.failed", "a card payment the issuer declines (test card ending 0002)") {
        @Override
        Caused cause(TestObjects objects) {
            return Caused.about(objects.payDeclined(TestCards.DECLINED));
        }
    },
    PAYMENT_PENDING("payment.pending", "a card payment waiting for 3-D Secure (test card ending 3220)") {
        @Override
        Caused cause(TestObjects objects) {
            return Caused.about(objects.pay(TestCards.NEEDS_3DS).getTransactionId());
        }
    },
    PAYMENT_AUTHORIZED("payment.authorized", "a card payment authorised for a later capture (capture_method manual)") {
        @Override
        Caused cause(TestObjects objects) {
            return Caused.about(objects.authorize(TestCards.SUCCEEDS).getTransactionId());
        }
    },
    PAYMENT_CANCELED("payment.canceled", "an authorised card payment, then canceled") {
        @Override
        Caused cause(TestObjects objects) {
            Payment authorized = objects.authorize(TestCards.SUCCEEDS);
            return Caused.about(objects.cancel(authorized).getTransactionId());
        }
    },
    REFUND_SUCCEEDED("refund.succeeded", "a card payment, then refunded in full") {
        @Override
        Caused cause(TestObjects objects) {
            Payment paid = objects.pay(TestCards.SUCCEEDS);
            objects.refundAll(paid);
            return Caused.about(paid.getTransactionId());
        }
    },
    REFUND_FAILED("refund.failed", "a card payment whose refund fails (test card ending 5126)") {
        @Override
        Caused cause(TestObjects objects) {
            Payment paid = objects.pay(TestCards.REFUNDS_FAIL);
            objects.refundAll(paid);
            return Caused.about(paid.getTransactionId());
        }
    },
    WEBHOOK_TEST("webhook.test", "a test event to the webhook endpoint (needs one set)") {
        @Override
        Caused cause(TestObjects objects) {
            return new Caused(null, objects.sendTestEvent().getEventId());
        }
    };

    private final String eventType;
    private final String description;

    TriggerScenario(String eventType, String description) {
        this.eventType = eventType;
        this.description = description;
    }

    String eventType() {
        return eventType;
    }

    String description() {
        return description;
    }

    /** Makes the objects (printing each) whose change the API announces with {@link #eventType()}. */
    abstract Caused cause(TestObjects objects);

    static TriggerScenario forEventType(String eventType) {
        for (TriggerScenario scenario : values()) {
            if (scenario.eventType.equals(eventType)) {
                return scenario;
            }
        }
        return null;
    }

    /**
     * @param transactionId the payment whose events to look for; null when the event is about none
     * @param eventId       the event, when the API answered with it; else null, to be found in the list
     */
    record Caused(String transactionId, String eventId) {
        static Caused about(String transactionId) {
            return new Caused(transactionId, null);
        }
    }
}
