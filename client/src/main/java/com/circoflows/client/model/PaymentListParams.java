package com.circoflows.client.model;

import java.util.Map;

/**
 * Filters of the transaction list (docs/api.md "Listing and searching transactions"). {@code status},
 * the created range and {@code payment_method} combine with one search: a session, a metadata pair,
 * {@code card_last4} or {@code customer_email}.
 */
public final class PaymentListParams extends QueryParams {
    private PaymentListParams(Map<String, String> query) {
        super(query);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PaymentListParams none() {
        return new PaymentListParams(Map.of());
    }

    public static final class Builder extends QueryParams.Builder<Builder> {
        private Builder() {
        }

        /** pending, authorized, completed, partially_refunded, refunded, failed or canceled. */
        public Builder status(String value) {
            return put("status", value);
        }

        /** Inclusive; ISO 8601 with an offset, or a date. */
        public Builder createdFrom(String value) {
            return put("created_from", value);
        }

        /** Exclusive. */
        public Builder createdTo(String value) {
            return put("created_to", value);
        }

        /** card, bank_transfer, apple_pay or google_pay. */
        public Builder paymentMethod(String value) {
            return put("payment_method", value);
        }

        public Builder sessionId(String value) {
            return put("session_id", value);
        }

        /** One pair per request. */
        public Builder metadata(String key, String value) {
            return put("metadata[" + key + "]", value);
        }

        public Builder cardLast4(String value) {
            return put("card_last4", value);
        }

        public Builder customerEmail(String value) {
            return put("customer_email", value);
        }

        public PaymentListParams build() {
            return new PaymentListParams(query);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
