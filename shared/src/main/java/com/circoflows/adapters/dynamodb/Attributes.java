package com.circoflows.adapters.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hand mapping between item attributes and Java values. */
final class Attributes {
    /** Fixed width, so string order is time order in sort keys. */
    private static final DateTimeFormatter SORTABLE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue time(Instant instant) {
        return AttributeValue.fromS(SORTABLE_TIME.format(instant));
    }

    /** Whether {@code text} is a time exactly as {@link #time(Instant)} writes it. */
    static boolean isTime(String text) {
        try {
            return SORTABLE_TIME.format(SORTABLE_TIME.parse(text, Instant::from)).equals(text);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static Instant time(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? null : Instant.parse(value.s());
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    /** JSON-like maps (customer info, metadata) as native DynamoDB maps, so they stay queryable. */
    static AttributeValue fromObject(Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        }
        if (value instanceof String text) {
            return AttributeValue.fromS(text);
        }
        if (value instanceof Boolean flag) {
            return AttributeValue.fromBool(flag);
        }
        if (value instanceof Number number) {
            return AttributeValue.fromN(new BigDecimal(number.toString()).toPlainString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), fromObject(v)));
            return AttributeValue.fromM(converted);
        }
        if (value instanceof List<?> list) {
            List<AttributeValue> converted = new ArrayList<>();
            list.forEach(v -> converted.add(fromObject(v)));
            return AttributeValue.fromL(converted);
        }
        throw new IllegalArgumentException("cannot store a " + value.getClass().getSimpleName());
    }

    static Object toObject(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            BigDecimal number = new BigDecimal(value.n());
            if (number.scale() <= 0) {
                try {
                    return number.longValueExact();
                } catch (ArithmeticException tooBig) {
                    return number;
                }
            }
            return number;
        }
        if (value.bool() != null) {
            return value.bool();
        }
        if (value.hasM()) {
            return toMap(value.m());
        }
        if (value.hasL()) {
            List<Object> list = new ArrayList<>();
            value.l().forEach(v -> list.add(toObject(v)));
            return list;
        }
        return null;
    }

    static Map<String, Object> toMap(Map<String, AttributeValue> attributes) {
        Map<String, Object> map = new LinkedHashMap<>();
        attributes.forEach((k, v) -> map.put(k, toObject(v)));
        return map;
    }

    static Map<String, Object> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? Map.of() : toMap(value.m());
    }
}
