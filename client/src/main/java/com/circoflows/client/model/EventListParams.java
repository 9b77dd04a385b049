package com.circoflows.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Filters of the webhook event list: page size, and one payment's events. */
public final class EventListParams {
    private final Map<String, String> query;

    private EventListParams(Map<String, String> query) {
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static EventListParams none() {
        return new EventListParams(Collections.emptyMap());
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

        /** Only this payment's events; an id that is not one of yours lists nothing. */
        public Builder transactionId(String value) {
            query.put("transaction_id", value);
            return this;
        }

        public EventListParams build() {
            return new EventListParams(query);
        }
    }
}
