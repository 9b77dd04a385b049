package com.circoflows.api;

import com.circoflows.domain.error.ApiException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.UncheckedIOException;
import java.util.Map;

/** The one configured ObjectMapper; request bodies are read as trees and validated by hand. */
public final class Json {
    /** Far above any honest payment request; keeps hostile bodies cheap to refuse. */
    public static final int MAX_BODY_CHARS = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxNumberLength(40).build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses a request body that must be one JSON object. The parser's own message is never shown:
     * it can quote the body, and the body may hold a card number.
     */
    public static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalidParam(null, "The request body must be a JSON object.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw ApiException.invalidParam(null, "The request body is too large (limit 64 KB).");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiException.invalidParam(null, "The request body is not valid JSON" + where + ".");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalidParam(null, "The request body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(String json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
