package com.circoflows.cli.collection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of the YAML tree (maps, lists and scalars), with a missing entry read as empty. */
final class Maps {
    private Maps() {
    }

    /** The node as a map with text keys (YAML may key a map by numbers, such as response codes). */
    static Map<String, Object> of(Object node) {
        if (!(node instanceof Map)) {
            throw new IllegalStateException("expected a mapping, found " + (node == null ? "nothing" : node));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
            map.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        return map;
    }

    static Map<String, Object> child(Map<String, Object> map, String key) {
        Object child = map.get(key);
        return child == null ? Map.of() : of(child);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> map, String key) {
        Object child = map.get(key);
        return child instanceof List ? (List<Object>) child : List.of();
    }

    static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
