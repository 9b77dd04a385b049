package com.circoflows.cli.collection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a collection's request is filled with: the spec's own examples first (an operation's
 * request example, a parameter's example), and, where the spec gives none, a value built from the schema.
 */
final class ExampleValues {
    /** Nested objects deeper than this are left empty, so that a schema that refers to itself ends. */
    private static final int DEEPEST = 8;

    private final OpenApiDocument spec;

    ExampleValues(OpenApiDocument spec) {
        this.spec = spec;
    }

    /**
     * The JSON request body: the first of the spec's examples, else its single example, else one built from
     * the schema. Empty when the operation takes no JSON body.
     */
    Optional<Object> requestBody(ApiOperation operation) {
        Object declared = operation.definition().get("requestBody");
        if (declared == null) {
            return Optional.empty();
        }
        Map<String, Object> content = Maps.child(Maps.of(spec.resolve(declared)), "content");
        Object json = content.get("application/json");
        if (json == null) {
            return Optional.empty();
        }
        Map<String, Object> mediaType = Maps.of(json);
        Optional<Object> example = declaredExample(mediaType);
        if (example.isPresent()) {
            return example;
        }
        return Optional.of(fromSchema(mediaType.get("schema"), 0));
    }

    /** A parameter's value: its example, else its schema's example, default, constant or first allowed value. */
    Optional<Object> parameter(Map<String, Object> parameter) {
        Optional<Object> example = declaredExample(parameter);
        if (example.isPresent()) {
            return example;
        }
        Object schema = parameter.get("schema");
        return schema == null ? Optional.empty() : schemaHint(Maps.of(spec.resolve(schema)));
    }

    /** {@code example}, or the value of the first of {@code examples} (a map of Example objects). */
    private Optional<Object> declaredExample(Map<String, Object> holder) {
        if (holder.containsKey("example")) {
            return Optional.ofNullable(holder.get("example"));
        }
        Object examples = holder.get("examples");
        if (examples instanceof Map && !((Map<?, ?>) examples).isEmpty()) {
            Object first = Maps.of(examples).values().iterator().next();
            Map<String, Object> example = Maps.of(spec.resolve(first));
            if (example.containsKey("value")) {
                return Optional.ofNullable(example.get("value"));
            }
        }
        return Optional.empty();
    }

    /** A value the schema itself names, without building one. */
    private Optional<Object> schemaHint(Map<String, Object> schema) {
        if (schema.containsKey("example")) {
            return Optional.ofNullable(schema.get("example"));
        }
        List<Object> examples = Maps.list(schema, "examples");
        if (!examples.isEmpty()) {
            return Optional.ofNullable(examples.get(0));
        }
        for (String key : List.of("default", "const")) {
            if (schema.containsKey(key)) {
                return Optional.ofNullable(schema.get(key));
            }
        }
        List<Object> allowed = Maps.list(schema, "enum");
        return allowed.isEmpty() ? Optional.empty() : Optional.ofNullable(allowed.get(0));
    }

    private Object fromSchema(Object declared, int depth) {
        if (declared == null) {
            return Map.of();
        }
        Map<String, Object> schema = Maps.of(spec.resolve(declared));
        Optional<Object> hint = schemaHint(schema);
        if (hint.isPresent()) {
            return hint.get();
        }
        List<Object> allOf = Maps.list(schema, "allOf");
        if (!allOf.isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Object part : allOf) {
                Object value = fromSchema(part, depth);
                if (value instanceof Map) {
                    merged.putAll(Maps.of(value));
                }
            }
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            List<Object> alternatives = Maps.list(schema, choice);
            if (!alternatives.isEmpty()) {
                return fromSchema(alternatives.get(0), depth);
            }
        }
        switch (typeOf(schema)) {
            case "object":
                return objectFromSchema(schema, depth);
            case "array":
                List<Object> items = new ArrayList<>();
                if (schema.get("items") != null && depth < DEEPEST) {
                    items.add(fromSchema(schema.get("items"), depth + 1));
                }
                return items;
            case "integer":
                return schema.get("minimum") instanceof Number ? schema.get("minimum") : 1;
            case "number":
                return schema.get("minimum") instanceof Number ? schema.get("minimum") : 1.0;
            case "boolean":
                return false;
            default:
                return stringFor(schema);
        }
    }

    /** Its required properties (all of them when none is required), each with a value of its own. */
    private Map<String, Object> objectFromSchema(Map<String, Object> schema, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        Map<String, Object> properties = Maps.child(schema, "properties");
        if (depth >= DEEPEST || properties.isEmpty()) {
            return object;
        }
        List<Object> required = Maps.list(schema, "required");
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            if (required.isEmpty() || required.contains(property.getKey())) {
                object.put(property.getKey(), fromSchema(property.getValue(), depth + 1));
            }
        }
        return object;
    }

    private static String typeOf(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List) {
            // OpenAPI 3.1 spells a nullable type as [string, "null"]: the value is the other one.
            return ((List<?>) type).stream().map(String::valueOf).filter(name -> !name.equals("null"))
                    .findFirst().orElse("string");
        }
        if (type != null) {
            return String.valueOf(type);
        }
        return schema.containsKey("properties") ? "object" : "string";
    }

    private static String stringFor(Map<String, Object> schema) {
        String format = Maps.text(schema, "format");
        if (format == null) {
            return "string";
        }
        switch (format) {
            case "date-time":
                return "2030-01-01T00:00:00Z";
            case "date":
                return "2030-01-01";
            case "email":
                return "jane@example.com";
            case "uri":
            case "url":
                return "https://example.com";
            default:
                return "string";
        }
    }
}
