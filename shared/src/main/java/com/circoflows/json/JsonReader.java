package com.circoflows.json;

import software.amazon.awssdk.thirdparty.jackson.core.JsonParseException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Reads one whole JSON document with the streaming parser, refusing anything after it. */
final class JsonReader {
    private JsonReader() {
    }

    /** The document as values, or null if there is none; the parser's limits (depth, number length, duplicates) apply. */
    static JsonValue readValue(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return null;
        }
        JsonValue value = value(parser, first);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "Content after the JSON value");
        }
        return value;
    }

    private static JsonValue value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    members.put(name, value(parser, parser.nextToken()));
                }
                return JsonValue.of(new JsonObject(members));
            }
            case START_ARRAY: {
                List<JsonValue> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(value(parser, next));
                }
                return JsonValue.array(elements);
            }
            case VALUE_STRING:
                return JsonValue.string(parser.getText());
            case VALUE_NUMBER_INT:
                return JsonValue.integer(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return JsonValue.decimal(parser.getText());
            case VALUE_TRUE:
                return JsonValue.TRUE;
            case VALUE_FALSE:
                return JsonValue.FALSE;
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw new JsonParseException(parser, "Unexpected token " + token);
        }
    }
}
