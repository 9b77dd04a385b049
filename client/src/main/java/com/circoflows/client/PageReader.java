package com.circoflows.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fetches one page of a list and reads the answer ({@code {<items>: [...], has_more, next_cursor}}). */
final class PageReader {
    private PageReader() {
    }

    /** GET {@code path} with the list's filters and, after the first page, the cursor the last page gave. */
    static <T> Page<T> fetch(ApiRequestor requestor, String path, Map<String, String> filters, String cursor,
            String itemsField, Class<T> type) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        return read(requestor.send("GET", path + UrlParts.query(query), null, RequestOptions.none()), itemsField,
                type);
    }

    static <T> Page<T> read(JsonNode data, String itemsField, Class<T> type) {
        List<T> items = new ArrayList<>();
        for (JsonNode item : data.path(itemsField)) {
            items.add(ApiRequestor.bind(item, type));
        }
        JsonNode next = data.get("next_cursor");
        return new Page<>(items, data.path("has_more").asBoolean(false),
                next == null || next.isNull() ? null : next.asText());
    }
}
