package com.circoflows.api;

import com.circoflows.domain.error.ApiException;
import com.circoflows.json.Json;
import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import com.circoflows.json.MalformedJsonException;
import java.util.Set;

/** A request's JSON body as the API accepts it: one object, of bounded size, every text in it checked. */
public final class RequestBodies {
    /** Far above any honest payment request; keeps hostile bodies cheap to refuse. */
    public static final int MAX_BODY_CHARS = 64 * 1024;
    /** The param of an error about the body as a whole. */
    public static final String BODY = "body";

    private RequestBodies() {
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
        try {
            value = Json.parse(body);
        } catch (MalformedJsonException e) {
            String where = e.hasLocation() ? " (line " + e.line() + ", column " + e.column() + ")" : "";
            throw ApiException.invalidParam(BODY, "The request body is not valid JSON" + where + ".");
        }
        if (value == null || !value.isObject()) {
            throw ApiException.invalidParam(BODY, "The request body must be a JSON object.");
        }
        InboundText.checkBody(value.asObject(), cardFields);
        return value.asObject();
    }
}
