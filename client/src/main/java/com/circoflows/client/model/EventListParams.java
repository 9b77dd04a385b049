package com.circoflows.client.model;

import java.util.Map;

/** Filters of the webhook event list: page size, and one payment's events. */
public final class EventListParams extends QueryParams {
    private EventListParams(Map<String, String> query) {
        super(query);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static EventListParams none() {
        return new EventListParams(Map.of());
    }

    public static final class Builder extends QueryParams.Builder<Builder> {
        private Builder() {
        }

        /** Only this payment's events; an id that is not one of yours lists nothing. */
        public Builder transactionId(String value) {
            return put("transaction_id", value);
        }

        public EventListParams build() {
            return new EventListParams(query);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
