package com.circoflows.json;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A parsed JSON object: its members in the order the body gave them (names are unique, the parser refuses duplicates). */
public final class JsonObject {
    private final Map<String, JsonValue> members;

    JsonObject(LinkedHashMap<String, JsonValue> members) {
        this.members = Collections.unmodifiableMap(members);
    }

    /** The member's value, {@link JsonValue#isNull() a null value} if given as null, or null if absent. */
    public JsonValue get(String name) {
        return members.get(name);
    }

    public int size() {
        return members.size();
    }

    public Iterator<String> fieldNames() {
        return members.keySet().iterator();
    }

    public Iterator<Map.Entry<String, JsonValue>> fields() {
        return members.entrySet().iterator();
    }
}
