package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.json.Json;
import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import com.circoflows.json.MalformedJsonException;
import java.util.Base64;
import java.util.HexFormat;

/** Reading a token's JSON, where every missing or ill-typed field is an invalid token named without its value. */
final class JsonFields {
    private JsonFields() {
    }

    static JsonObject object(String json, String what) throws InvalidPaymentToken {
        try {
            return object(json == null ? null : Json.parse(json), what);
        } catch (MalformedJsonException e) {
            throw new InvalidPaymentToken(what + " is not JSON");
        }
    }

    static JsonObject object(JsonValue value, String what) throws InvalidPaymentToken {
        if (value == null || !value.isObject()) {
            throw new InvalidPaymentToken(what + " is not a JSON object");
        }
        return value.asObject();
    }

    static String text(JsonObject object, String name) throws InvalidPaymentToken {
        String text = optionalText(object, name);
        if (text == null) {
            throw new InvalidPaymentToken(name + " is missing");
        }
        return text;
    }

    /** Null when absent or JSON null. */
    static String optionalText(JsonObject object, String name) throws InvalidPaymentToken {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidPaymentToken(name + " is not text");
        }
        return value.textValue();
    }

    static byte[] base64(JsonObject object, String name) throws InvalidPaymentToken {
        try {
            return Base64.getDecoder().decode(text(object, name));
        } catch (IllegalArgumentException e) {
            throw new InvalidPaymentToken(name + " is not base64");
        }
    }

    static byte[] hex(String text, String name) throws InvalidPaymentToken {
        try {
            byte[] bytes = HexFormat.of().parseHex(text);
            if (bytes.length == 0) {
                throw new InvalidPaymentToken(name + " is empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new InvalidPaymentToken(name + " is not hexadecimal");
        }
    }
}
