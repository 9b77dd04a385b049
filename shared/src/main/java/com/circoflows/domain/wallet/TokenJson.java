package com.circoflows.domain.wallet;

import com.circoflows.json.Json;
import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import com.circoflows.json.MalformedJsonException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reading a wallet token's JSON, both wallets': every missing or ill-typed member is an invalid token, named
 * without its value.
 */
public final class TokenJson {
    private TokenJson() {
    }

    public static JsonObject object(String json, String what) throws InvalidPaymentToken {
        try {
            return object(json == null ? null : Json.parse(json), what);
        } catch (MalformedJsonException e) {
            throw new InvalidPaymentToken(what + " is not JSON");
        }
    }

    public static JsonObject object(JsonValue value, String what) throws InvalidPaymentToken {
        if (value == null || !value.isObject()) {
            throw new InvalidPaymentToken(what + " is not a JSON object");
        }
        return value.asObject();
    }

    public static String text(JsonObject object, String name) throws InvalidPaymentToken {
        String text = optionalText(object, name);
        if (text == null) {
            throw new InvalidPaymentToken(name + " is missing");
        }
        return text;
    }

    /** Null when absent or JSON null. */
    public static String optionalText(JsonObject object, String name) throws InvalidPaymentToken {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidPaymentToken(name + " is not text");
        }
        return value.textValue();
    }

    /** A whole number, written as a number or (as the wallets do for some members) as text. */
    public static long integer(JsonObject object, String name) throws InvalidPaymentToken {
        JsonValue value = object.get(name);
        if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value != null && value.isTextual() && value.textValue().matches("[0-9]{1,18}")) {
            return Long.parseLong(value.textValue());
        }
        throw new InvalidPaymentToken(name + " is missing or not a whole number");
    }

    public static byte[] base64(JsonObject object, String name) throws InvalidPaymentToken {
        return base64(text(object, name), name);
    }

    public static byte[] base64(String text, String name) throws InvalidPaymentToken {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidPaymentToken(name + " is not base64");
        }
    }

    public static byte[] hex(String text, String name) throws InvalidPaymentToken {
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
