package com.circoflows.localstack;

import java.util.List;
import java.util.Map;

/** Typed reads of the untyped maps and lists SnakeYAML produces, with errors that say where. */
final class TemplateNodes {

    private TemplateNodes() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String where) {
        if (node == null) {
            return Map.of();
        }
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " must be a mapping, got: " + node);
    }

    static List<?> list(Object node, String where) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(where + " must be a list, got: " + node);
    }

    /** Scalars only: a number or boolean is read as its text, as CloudFormation does. */
    static String string(Object node, String where) {
        if (node == null) {
            return null;
        }
        if (node instanceof String || node instanceof Number || node instanceof Boolean) {
            return String.valueOf(node);
        }
        throw new IllegalArgumentException(where + " must be a plain value, got: " + node);
    }

    static String requiredString(Object node, String where) {
        String value = string(node, where);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + " is missing");
        }
        return value;
    }

    static Integer integer(Object node, String where) {
        String value = string(node, where);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " must be a whole number, got: " + value, e);
        }
    }

    static boolean bool(Object node, boolean absent, String where) {
        String value = string(node, where);
        return value == null ? absent : Boolean.parseBoolean(value.trim());
    }
}
