package com.circoflows.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A list's filters: query parameters, in the order given. Each list's own class names its filters. */
public abstract class QueryParams {
    private final Map<String, String> query;

    QueryParams(Map<String, String> query) {
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** Query parameter names (unencoded) and values, in the order given. */
    public Map<String, String> toQuery() {
        return query;
    }

    /** @param <B> the list's own builder, returned by every setter so calls chain */
    public abstract static class Builder<B extends Builder<B>> {
        final Map<String, String> query = new LinkedHashMap<>();

        Builder() {
        }

        /** 1 to 100 per page (default 20). */
        public B limit(int value) {
            return put("limit", Integer.toString(value));
        }

        B put(String name, String value) {
            query.put(name, value);
            return self();
        }

        abstract B self();
    }
}
