package com.circoflows.domain.wallet;

import com.circoflows.json.Json;
import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import com.circoflows.json.MalformedJsonException;

/** Reading a decrypted wallet message: every missing or ill-typed member is an invalid token. */
public final class TokenJson {
    private TokenJson() {
    }

    public static JsonObject object(String json, String what) throws InvalidPaymentToken {
        try {
            return object(Json.parse(json), what);
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
        JsonValue value = object.get(name);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new InvalidPaymentToken(name + " is missing or not text");
        }
        return value.textValue();
    }

    public static String optionalText(JsonObject object, String name) throws InvalidPaymentToken {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return text(object, name);
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
}
