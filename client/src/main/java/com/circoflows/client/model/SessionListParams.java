package com.circoflows.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Filters of the session list: page size and status. */
public final class SessionListParams {
    private final Map<String, String> query;

    private SessionListParams(Map<String, String> query) {
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SessionListParams none() {
        return new SessionListParams(Collections.emptyMap());
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

        /** pending, completed, cancelled or expired (a pending session past its expiry is expired). */
        public Builder status(String value) {
            query.put("status", value);
            return this;
        }

        public SessionListParams build() {
            return new SessionListParams(query);
        }
    }
}
