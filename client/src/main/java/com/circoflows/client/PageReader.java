package com.circoflows.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a list answer ({@code {<items>: [...], has_more, next_cursor}}) into a {@link Page}. */
final class PageReader {
    private PageReader() {
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
