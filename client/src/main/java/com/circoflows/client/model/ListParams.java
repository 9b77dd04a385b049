package com.circoflows.client.model;

import java.util.Collections;
import java.util.Map;

/** The page size of a list that has no filters (API keys, held bank credits). */
public final class ListParams {
    private static final ListParams NONE = new ListParams(null);

    private final Integer limit;

    private ListParams(Integer limit) {
        this.limit = limit;
    }

    /** The API's default page size (20). */
    public static ListParams none() {
        return NONE;
    }

    /** @param limit 1 to 100 per page */
    public static ListParams limit(int limit) {
        return new ListParams(limit);
    }

    /** Query parameter names (unencoded) and values. */
    public Map<String, String> toQuery() {
        return limit == null ? Collections.emptyMap() : Map.of("limit", Integer.toString(limit));
    }
}
