package com.circoflows.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A refund: by default all that is left of the payment. */
public final class RefundParams {
    private final Long amount;
    private final String reason;
    private final Map<String, Object> metadata;

    private RefundParams(Builder b) {
        amount = b.amount;
        reason = b.reason;
        metadata = b.metadata.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Long getAmount() {
        return amount;
    }

    public String getReason() {
        return reason;
    }

    public static final class Builder {
        private Long amount;
        private String reason;
        private final Map<String, Object> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /** In the payment's currency's minor unit; default all that is left. */
        public Builder amount(long value) {
            amount = value;
            return this;
        }

        /** duplicate, fraudulent or requested_by_customer. */
        public Builder reason(String value) {
            reason = value;
            return this;
        }

        public Builder metadata(String key, Object value) {
            metadata.put(key, value);
            return this;
        }

        public RefundParams build() {
            return new RefundParams(this);
        }
    }
}
