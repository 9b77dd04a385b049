package com.circoflows.client.model;

import java.util.Map;

/** Filters of the session list: page size and status. */
public final class SessionListParams extends QueryParams {
    private SessionListParams(Map<String, String> query) {
        super(query);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SessionListParams none() {
        return new SessionListParams(Map.of());
    }

    public static final class Builder extends QueryParams.Builder<Builder> {
        private Builder() {
        }

        /** pending, completed, cancelled or expired (a pending session past its expiry is expired). */
        public Builder status(String value) {
            return put("status", value);
        }

        public SessionListParams build() {
            return new SessionListParams(query);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
