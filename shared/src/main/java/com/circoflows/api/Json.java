package com.circoflows.api;

import com.circoflows.domain.error.ApiException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * JSON in and out through Jackson's streaming parser and generator only (no data binding): request
 * bodies are read into {@link JsonObject}s and validated by hand; everything written is built from
 * maps, lists and plain values.
 */
public final class Json {
    /** Far above any honest payment request; keeps hostile bodies cheap to refuse. */
    public static final int MAX_BODY_CHARS = 64 * 1024;
    /** The param of an error about the body as a whole. */
    public static final String BODY = "body";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxNumberLength(40).build())
            .build();

    private Json() {
    }

    /**
     * Parses a request body that must be one JSON object, and passes every name and value in it through
     * {@link InboundText}: no card number, no invalid Unicode. The parser's own message is never shown:
     * it can quote the body, and the body may hold a card number.
     */
    public static JsonObject parseObject(String body) {
        return parseObject(body, Set.of());
    }

    /** As {@link #parseObject(String)}, where the top-level members {@code cardFields} may hold a card number. */
    public static JsonObject parseObject(String body, Set<String> cardFields) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalidParam(BODY, "The request body must be a JSON object.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw ApiException.invalidParam(BODY, "The request body is too large (limit 64 KB).");
        }
        JsonValue value;
        try (JsonParser parser = FACTORY.createParser(body)) {
            value = JsonReader.readValue(parser);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiException.invalidParam(BODY, "The request body is not valid JSON" + where + ".");
        } catch (IOException e) {
            throw ApiException.invalidParam(BODY, "The request body is not valid JSON.");
        }
        if (value == null || !value.isObject()) {
            throw ApiException.invalidParam(BODY, "The request body must be a JSON object.");
        }
        InboundText.checkBody(value.asObject(), cardFields);
        return value.asObject();
    }

    public static String write(Object value) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            JsonWriter.write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** JSON we wrote ourselves (stored event data, queued jobs) back as maps, lists and plain values. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(String json) {
        JsonValue value;
        try (JsonParser parser = FACTORY.createParser(json)) {
            value = JsonReader.readValue(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null || !value.isObject()) {
            throw new UncheckedIOException(new IOException("not a JSON object"));
        }
        return (Map<String, Object>) value.toPlain();
    }
}
