package com.circoflows.json;

import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadConstraints;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON in and out through Jackson's streaming parser and generator only (no data binding): text is
 * read into {@link JsonValue} trees, and everything written is built from maps, lists and plain values.
 * Knows nothing of requests or errors shown to merchants: the API edge (api.RequestBodies) does.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxNumberLength(40).build())
            .build();

    private Json() {
    }

    /**
     * Any JSON text as a value tree (null for an empty document). The exception says where the text
     * broke and never quotes it: the text may be a request body holding a card number.
     */
    public static JsonValue parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return JsonReader.readValue(parser);
        } catch (JsonProcessingException e) {
            throw e.getLocation() == null ? new MalformedJsonException()
                    : new MalformedJsonException(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new MalformedJsonException();
        }
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

    /** A parsed value written back as JSON text (member order kept). */
    public static String write(JsonValue value) {
        return write(value.toPlain());
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
