package com.circoflows.api;

import com.circoflows.domain.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ?limit=…&cursor=…} of a list endpoint (newest first), and the page it answers with. */
public record PageRequest(int limit, String cursor) {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    public static PageRequest from(ApiRequest request) {
        String cursor = request.queryParameters().get("cursor");
        return new PageRequest(limit(request.queryParameters().get("limit")),
                cursor == null || cursor.isBlank() ? null : cursor);
    }

    /** {@code {"<name>": [...], "has_more": …, "next_cursor": …}}: pass next_cursor back as cursor. */
    public static Map<String, Object> page(String name, List<?> items, String nextCursor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(name, items);
        data.put("has_more", nextCursor != null);
        data.put("next_cursor", nextCursor);
        return data;
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.invalidParam("limit", "The limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
