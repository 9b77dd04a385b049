package com.circoflows.api;

import com.circoflows.json.JsonObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text that is not valid Unicode is refused naming where it is, instead of being stored as '?': a lone
 * UTF-16 surrogate written as a JSON escape, or invalid UTF-8 bytes (which arrive as U+FFFD).
 */
class InboundTextTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"description\": \"Plan \\ud800\"}                           | description",
        "{\"description\": \"\\udfff Plan\"}                           | description",
        "{\"description\": \"\\ude00\\ud83d\"}                         | description",
        "{\"customer_info\": {\"name\": \"Jo\\ud800\"}}                 | customer_info[name]",
        "{\"metadata\": {\"tags\": [\"ok\", \"\\udbff\"]}}              | metadata[tags][1]",
        "{\"metadata\": {\"k\\ud800\": \"v\"}}                          | metadata",
        "{\"\\ud800\": 1}                                               | body",
    })
    void aLoneSurrogateIsRefusedNamingWhereItIs(String body, String param) {
        ApiException e = assertThrows(ApiException.class, () -> RequestBodies.parseObject(body));

        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals(param, e.param());
    }

    @Test
    void invalidUtf8BytesAreRefusedNamingTheField() {
        byte[] prefix = "{\"description\": \"Caf".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3; // the first byte of a two-byte sequence ...
        body[prefix.length + 1] = (byte) 0x28; // ... followed by one that cannot continue it
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);

        ApiException e = assertThrows(ApiException.class,
                () -> RequestBodies.parseObject(new String(body, StandardCharsets.UTF_8)));

        assertEquals("description", e.param());
    }

    @Test
    void surrogatePairsAndOtherScriptsAreFine() {
        JsonObject body = RequestBodies.parseObject("{\"description\": \"Caf\u00e9 \\ud83d\\ude00 \u65e5\u672c \ud83c\udf89\"}");

        assertEquals("Caf\u00e9 \ud83d\ude00 \u65e5\u672c \ud83c\udf89", body.get("description").textValue());
    }

    @Test
    void acceptableTellsFormsTheSame() {
        assertTrue(InboundText.acceptable("Jane Smith"));
        assertFalse(InboundText.acceptable("Jane \ud800"));
        assertFalse(InboundText.acceptable("Jane \ufffd"));
        assertFalse(InboundText.acceptable("4242.4242.4242.4242"));
    }
}
