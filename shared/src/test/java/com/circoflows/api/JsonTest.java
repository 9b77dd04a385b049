package com.circoflows.api;

import com.circoflows.json.JsonObject;
import com.circoflows.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    private static final String PAN = "4242424242424242";

    @Test
    void objectBodyIsParsed() {
        JsonObject body = RequestBodies.parseObject("{\"amount\": 1000, \"currency\": \"USD\"}");

        assertEquals(1000, body.get("amount").intValue());
        assertEquals("USD", body.get("currency").textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"card_number\": \"" + PAN + "\",",
        "{\"card_number\": " + PAN + "x}",
        "{\"card_number\": \"" + PAN + "\" \"cvv\": \"123\"}",
        "card_number=" + PAN,
        "{'card_number': '" + PAN + "'}",
        "{\"card_number\": \"" + PAN + "\", \"card_number\": \"" + PAN + "\"}",
    })
    void malformedJsonNeverEchoesBody(String body) {
        ApiException e = invalidBody(body);

        assertFalse(e.getMessage().contains(PAN), e.getMessage());
        assertFalse(e.getMessage().contains("4242"), e.getMessage());
    }

    @Test
    void malformedJsonSaysWhereTheProblemIs() {
        ApiException e = invalidBody("{\n  \"amount\": 1000,\n  oops\n}");

        assertTrue(e.getMessage().startsWith("The request body is not valid JSON (line 3"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  \n ", "[]", "[{\"amount\": 1000}]", "\"text\"", "1000", "null", "true"})
    void bodyThatIsNotAJsonObjectIsRefused(String body) {
        invalidBody(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"amount\": 1000} trailing", "{\"amount\": 1000}{\"amount\": 1}", "{\"amount\": 1000}]"})
    void contentAfterTheObjectIsRefused(String body) {
        invalidBody(body);
    }

    @Test
    void duplicateFieldIsRefused() {
        invalidBody("{\"amount\": 1, \"amount\": 100000}");
    }

    @Test
    void hostileNestingIsRefusedCheaply() {
        invalidBody("{\"a\":".repeat(50) + "1" + "}".repeat(50));
    }

    @Test
    void absurdlyLongNumberIsRefusedWithoutEchoingIt() {
        String digits = "9".repeat(100);

        ApiException e = invalidBody("{\"amount\": " + digits + "}");

        assertFalse(e.getMessage().contains(digits));
    }

    @Test
    void bodyOver64KbIsRefused() {
        ApiException e = invalidBody("{\"metadata\": \"" + "x".repeat(RequestBodies.MAX_BODY_CHARS) + "\"}");

        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void writeKeepsFieldOrderAndNulls() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", null);

        assertEquals("{\"b\":1,\"a\":null}", Json.write(value));
    }

    @Test
    void readMapReadsWhatWriteWrote() {
        Map<String, Object> read = Json.readMap(Json.write(Map.of("x", "y")));

        assertEquals(Map.of("x", "y"), read);
        assertNull(read.get("missing"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"{\"amount\": 1000,", "[]", "{\"amount\": 1000} trailing", "{\"a\": 1, \"a\": 2}"})
    void anUnreadableBodyIsReportedWithParamBody(String body) {
        assertEquals("body", invalidBody(body).param());
    }

    private static ApiException invalidBody(String body) {
        ApiException e = assertThrows(ApiException.class, () -> RequestBodies.parseObject(body));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals(400, ErrorStatuses.of(e.code()));
        return e;
    }
}
