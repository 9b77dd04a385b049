package com.circoflows.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed value of a request body. Bodies are read into these small values instead of a
 * data-binding library's tree: that library was a sixth of every function's jar and a good part of
 * its cold start, for a job the streaming parser does alone.
 */
public final class JsonValue {
    enum Kind { OBJECT, ARRAY, STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    static final JsonValue NULL = new JsonValue(Kind.NULL, null);
    static final JsonValue TRUE = new JsonValue(Kind.BOOLEAN, Boolean.TRUE);
    static final JsonValue FALSE = new JsonValue(Kind.BOOLEAN, Boolean.FALSE);

    private final Kind kind;
    /** JsonObject, List of JsonValue, String, BigInteger, the decimal's text, Boolean or null. */
    private final Object value;

    private JsonValue(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    static JsonValue of(JsonObject object) {
        return new JsonValue(Kind.OBJECT, object);
    }

    static JsonValue array(List<JsonValue> elements) {
        return new JsonValue(Kind.ARRAY, List.copyOf(elements));
    }

    static JsonValue string(String text) {
        return new JsonValue(Kind.STRING, text);
    }

    static JsonValue integer(BigInteger number) {
        return new JsonValue(Kind.INTEGER, number);
    }

    static JsonValue decimal(String text) {
        return new JsonValue(Kind.DECIMAL, text);
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isTextual() {
        return kind == Kind.STRING;
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.DECIMAL;
    }

    /** A number written without fraction or exponent, of any size. */
    public boolean isIntegralNumber() {
        return kind == Kind.INTEGER;
    }

    public boolean canConvertToLong() {
        return kind == Kind.INTEGER && ((BigInteger) value).bitLength() < Long.SIZE;
    }

    public boolean canConvertToInt() {
        return kind == Kind.INTEGER && ((BigInteger) value).bitLength() < Integer.SIZE;
    }

    /** The object, or an IllegalStateException for any other kind: check {@link #isObject()} first. */
    public JsonObject asObject() {
        return (JsonObject) require(Kind.OBJECT);
    }

    /** The text of a string; null for any other kind, as callers check {@link #isTextual()}. */
    public String textValue() {
        return kind == Kind.STRING ? (String) value : null;
    }

    /** The elements of an array; check {@link #isArray()} first. */
    @SuppressWarnings("unchecked")
    public List<JsonValue> elements() {
        return (List<JsonValue>) require(Kind.ARRAY);
    }

    /** A number's text (a whole number's decimal digits, a decimal as written); null for any other kind. */
    public String numberText() {
        return kind == Kind.INTEGER || kind == Kind.DECIMAL ? value.toString() : null;
    }

    public boolean booleanValue() {
        return (Boolean) require(Kind.BOOLEAN);
    }

    /** Only after {@link #canConvertToLong()}. */
    public long longValue() {
        return ((BigInteger) require(Kind.INTEGER)).longValueExact();
    }

    /** Only after {@link #canConvertToInt()}. */
    public int intValue() {
        return ((BigInteger) require(Kind.INTEGER)).intValueExact();
    }

    /**
     * As plain Java, typed as data binding would: maps, lists, strings, Integer/Long/BigInteger by
     * size, Double, Boolean, null. For JSON we wrote ourselves (stored event data, queued jobs).
     */
    @SuppressWarnings("unchecked")
    Object toPlain() {
        switch (kind) {
            case OBJECT: {
                Map<String, Object> members = new LinkedHashMap<>();
                ((JsonObject) value).fields().forEachRemaining(member -> members.put(member.getKey(),
                        member.getValue().toPlain()));
                return members;
            }
            case ARRAY: {
                List<Object> elements = new ArrayList<>();
                for (JsonValue element : (List<JsonValue>) value) {
                    elements.add(element.toPlain());
                }
                return elements;
            }
            case INTEGER: {
                BigInteger number = (BigInteger) value;
                return canConvertToInt() ? (Object) number.intValue()
                        : canConvertToLong() ? (Object) number.longValue() : number;
            }
            case DECIMAL:
                return Double.parseDouble((String) value);
            default:
                return value;
        }
    }

    private Object require(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("a JSON " + kind + " is not a " + expected);
        }
        return value;
    }
}
