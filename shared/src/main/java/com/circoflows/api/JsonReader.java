package com.circoflows.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one whole JSON document with the streaming parser, refusing anything after it. */
final class JsonReader {
    private JsonReader() {
    }

    /** A request body as values; the parser's limits (depth, number length, duplicates) apply. */
    static JsonValue readValue(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return null;
        }
        JsonValue value = value(parser, first);
        requireEnd(parser);
        return value;
    }

    /** Stored or queued JSON as plain Java: maps, lists, strings, Integer/Long/BigInteger, Double, Boolean, null. */
    static Object readPlain(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return null;
        }
        Object value = plain(parser, first);
        requireEnd(parser);
        return value;
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "Content after the JSON value");
        }
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
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "Unexpected token " + token);
        }
    }

    private static Object plain(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> members = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    members.put(name, plain(parser, parser.nextToken()));
                }
                return members;
            }
            case START_ARRAY: {
                List<Object> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(plain(parser, next));
                }
                return elements;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return integer(parser);
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "Unexpected token " + token);
        }
    }

    private static Object integer(JsonParser parser) throws IOException {
        switch (parser.getNumberType()) {
            case INT:
                return parser.getIntValue();
            case LONG:
                return parser.getLongValue();
            default:
                BigInteger big = parser.getBigIntegerValue();
                return big;
        }
    }
}
