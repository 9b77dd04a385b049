package com.circoflows.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters of the transaction list (docs/api.md "Listing and searching transactions"). {@code status},
 * the created range and {@code payment_method} combine with one search: a session, a metadata pair,
 * {@code card_last4} or {@code customer_email}.
 */
public final class PaymentListParams {
    private final Map<String, String> query;

    private PaymentListParams(Map<String, String> query) {
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PaymentListParams none() {
        return new PaymentListParams(Collections.emptyMap());
    }

    /** Query parameter names (unencoded) and values, in the order given. */
    public Map<String, String> toQuery() {
        return query;
    }

    public static final class Builder {
        private final Map<String, String> query = new LinkedHashMap<>();

        private Builder() {
        }

        /** 1 to 100 per page (default 20). */
        public Builder limit(int value) {
            query.put("limit", Integer.toString(value));
            return this;
        }

        /** pending, authorized, completed, partially_refunded, refunded, failed or canceled. */
        public Builder status(String value) {
            query.put("status", value);
            return this;
        }

        /** Inclusive; ISO 8601 with an offset, or a date. */
        public Builder createdFrom(String value) {
            query.put("created_from", value);
            return this;
        }

        /** Exclusive. */
        public Builder createdTo(String value) {
            query.put("created_to", value);
            return this;
        }

        /** card, bank_transfer, apple_pay or google_pay. */
        public Builder paymentMethod(String value) {
            query.put("payment_method", value);
            return this;
        }

        public Builder sessionId(String value) {
            query.put("session_id", value);
            return this;
        }

        /** One pair per request. */
        public Builder metadata(String key, String value) {
            query.put("metadata[" + key + "]", value);
            return this;
        }

        public Builder cardLast4(String value) {
            query.put("card_last4", value);
            return this;
        }

        public Builder customerEmail(String value) {
            query.put("customer_email", value);
            return this;
        }

        public PaymentListParams build() {
            return new PaymentListParams(query);
        }
    }
}
