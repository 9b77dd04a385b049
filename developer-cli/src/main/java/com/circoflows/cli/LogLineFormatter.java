package com.circoflows.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of the functions' JSON log (JsonLog) as a person reads it:
 * {@code 14:03:07.123  CreateDirectPaymentFunction  INFO   request  method=POST path=/api/direct-payment …},
 * the function's name in a colour of its own, WARN yellow and ERROR red, a failure's stack indented below.
 * A line that is not a JSON object is shown as it is.
 */
final class LogLineFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    /** Shown in the columns, or not worth a column locally (null there, or the same on every line). */
    private static final Set<String> NOT_AS_FIELDS = Set.of("time", "level", "logger", "event", "function_name",
            "function_version", "xray_trace_id", "cold_start", "stack");
    private static final Set<String> CONTEXT_FIELDS = Set.of("merchant_id", "aws_request_id");
    /** Colours for function names: neither red nor yellow, which mean ERROR and WARN. */
    private static final List<String> NAME_COLOURS = List.of("32", "34", "35", "36", "92", "94", "95", "96");
    private static final Pattern BARE_VALUE = Pattern.compile("[^\\s\"=]+");
    private static final int MIN_NAME_WIDTH = 28;

    private final Style style;
    private final ZoneId zone;
    private int nameWidth = MIN_NAME_WIDTH;

    LogLineFormatter(Style style, ZoneId zone) {
        this.style = style;
        this.zone = zone;
    }

    /** The parsed line, or null when it is not a JSON object. */
    static JsonNode parse(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    String format(String line) {
        JsonNode entry = parse(line);
        return entry == null ? line : format(entry);
    }

    String format(JsonNode entry) {
        String functionName = text(entry, "function_name", "-");
        // Names line up; a longer one widens the column from then on.
        nameWidth = Math.max(nameWidth, functionName.length());
        String level = text(entry, "level", "-").toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder()
                .append(style.dim(time(entry)))
                .append("  ").append(style.paint(nameColour(functionName), pad(functionName, nameWidth)))
                .append("  ").append(levelStyle(level, pad(level, 5)))
                .append("  ").append(style.bold(text(entry, "event", "-")));
        StringBuilder context = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = entry.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (NOT_AS_FIELDS.contains(field.getKey()) || field.getValue().isNull()
                    || field.getKey().equals("aws_request_id") && field.getValue().equals(entry.get("request_id"))) {
                // Locally an API request's invocation id is its request id: once is enough.
                continue;
            }
            // The line's own fields first; the invocation's, on every line of it, after them.
            StringBuilder target = CONTEXT_FIELDS.contains(field.getKey()) ? context : out;
            target.append("  ").append(style.dim(field.getKey() + "=")).append(value(field.getValue()));
        }
        out.append(context);
        if (entry.path("cold_start").asBoolean(false)) {
            out.append("  ").append(style.dim("cold_start"));
        }
        JsonNode stack = entry.get("stack");
        if (stack != null && stack.isTextual()) {
            for (String frame : stack.asText().split("\n")) {
                if (!frame.isBlank()) {
                    out.append(System.lineSeparator()).append(style.dim("    at " + frame));
                }
            }
        }
        return out.toString();
    }

    private String time(JsonNode entry) {
        String time = text(entry, "time", "");
        try {
            return TIME.format(Instant.parse(time).atZone(zone));
        } catch (DateTimeException e) {
            return pad(time, 12);
        }
    }

    private String levelStyle(String level, String text) {
        return switch (level) {
            case "ERROR" -> style.red(text);
            case "WARN" -> style.yellow(text);
            default -> text;
        };
    }

    /** The same colour for a name on every line and in every run. */
    static String nameColour(String functionName) {
        return NAME_COLOURS.get(Math.floorMod(functionName.hashCode(), NAME_COLOURS.size()));
    }

    /** A text value as it is when it reads as one word, else quoted; numbers, booleans and objects as JSON. */
    private static String value(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            return BARE_VALUE.matcher(text).matches() ? text : value.toString();
        }
        return value.toString();
    }

    private static String text(JsonNode entry, String field, String fallback) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
