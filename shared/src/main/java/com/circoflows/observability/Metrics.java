package com.circoflows.observability;

import java.time.Duration;

/**
 * The business and latency figures operations watch (see docs/operations.md, "Metrics"). A port: the domain
 * says what happened, an adapter decides how it is published ({@link EmfMetrics} on Lambda).
 */
public interface Metrics {
    /** For local runs and tests: nothing is published. */
    Metrics NONE = new Metrics() {
        @Override
        public void paymentRecorded(PaymentOutcome outcome, String declineCode) {
        }

        @Override
        public void webhookAttempted(boolean delivered) {
        }

        @Override
        public void requestServed(String route, int status, Duration elapsed) {
        }

        @Override
        public void coldStart(String functionName) {
        }
    };

    /** What a stored payment came to, as the API reports it to the merchant. */
    enum PaymentOutcome {
        SUCCEEDED("succeeded"),
        AUTHORIZED("authorized"),
        DECLINED("declined"),
        REQUIRES_ACTION("requires_action"),
        FAILED("failed");

        private final String wireName;

        PaymentOutcome(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** @param declineCode the issuer's decline code (e.g. insufficient_funds) of a DECLINED payment, else null */
    void paymentRecorded(PaymentOutcome outcome, String declineCode);

    /** One POST of a webhook to a merchant's endpoint, and whether it answered 2xx. */
    void webhookAttempted(boolean delivered);

    /** @param route the route key, e.g. "POST /api/direct-payment": a handful of values, never a raw path */
    void requestServed(String route, int status, Duration elapsed);

    /** A new container served its first invocation (after init or a SnapStart restore). */
    void coldStart(String functionName);
}
