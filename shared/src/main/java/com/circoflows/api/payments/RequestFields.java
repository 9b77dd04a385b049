package com.circoflows.api.payments;

import com.circoflows.api.RequestBodies;
import com.circoflows.json.JsonValue;
import com.circoflows.json.JsonObject;
import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.money.CurrencyRules;
import com.circoflows.domain.payment.CaptureMethod;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of a JSON request and names the field at fault. Messages never quote a
 * value. Card numbers outside card_number never get here: {@link RequestBodies#parseObject} refuses them in any
 * name or value ({@link com.circoflows.api.InboundText}).
 */
public final class RequestFields {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{1,63}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final int MAX_METADATA_KEYS = 50;
    private static final int MAX_METADATA_KEY_LENGTH = 40;
    private static final int MAX_METADATA_VALUE_LENGTH = 500;
    private static final Set<String> CUSTOMER_FIELDS = Set.of("name", "email", "phone", "address");
    private static final Set<String> ADDRESS_FIELDS =
            Set.of("line1", "line2", "city", "state", "postal_code", "country");

    private RequestFields() {
    }

    public static void rejectUnknown(JsonObject body, Set<String> allowed, String prefix) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                if (name.length() > 100) {
                    throw ApiException.invalidParam(prefix == null ? RequestBodies.BODY : prefix, "Received an unknown parameter.");
                }
                String param = prefix == null ? name : prefix + "[" + name + "]";
                throw ApiException.invalidParam(param, "Received unknown parameter: " + param + ".");
            }
        }
    }

    /** For endpoints that take no parameters: no body, a blank one or {}; anything else is refused as for any endpoint. */
    public static void rejectAnyBody(String body) {
        if (body != null && !body.isBlank()) {
            rejectUnknown(RequestBodies.parseObject(body), Set.of(), null);
        }
    }

    public static JsonValue required(JsonObject body, String name) {
        JsonValue node = body.get(name);
        if (node == null || node.isNull()) {
            throw ApiException.invalidParam(name, "Missing required parameter: " + name + ".");
        }
        return node;
    }

    public static long requiredInteger(JsonObject body, String name) {
        JsonValue node = required(body, name);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.invalidParam(name, "The " + name + " must be a whole number in the currency's "
                    + "smallest unit (e.g. 1000 for USD 10.00).");
        }
        return node.longValue();
    }

    public static String requiredString(JsonObject body, String name, int maxLength) {
        JsonValue node = required(body, name);
        if (!node.isTextual()) {
            throw ApiException.invalidParam(name, "The " + name + " must be a string.");
        }
        String value = node.textValue();
        if (value.isBlank() || value.length() > maxLength) {
            throw ApiException.invalidParam(name, "The " + name + " must be 1 to " + maxLength + " characters.");
        }
        return value;
    }

    /** A string, or a whole number given as a JSON number (expiry_month: 12 as well as "12"). */
    public static String requiredStringOrInteger(JsonObject body, String name, int maxLength) {
        JsonValue node = required(body, name);
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Integer.toString(node.intValue());
        }
        return requiredString(body, name, maxLength);
    }

    public static String optionalString(JsonObject body, String name, int maxLength) {
        JsonValue node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        return requiredString(body, name, maxLength);
    }

    /** A body that may be absent: no body or a blank one is {}. */
    public static JsonObject optionalObject(String body) {
        return RequestBodies.parseObject(body == null || body.isBlank() ? "{}" : body);
    }

    /**
     * An optional amount of money to take or give back, in the smallest unit: null when absent, else
     * 1 to {@link CurrencyRules#MAXIMUM_AMOUNT_MINOR_UNITS}.
     */
    public static Long optionalPositiveAmount(JsonObject body, String name) {
        JsonValue node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        long amount = requiredInteger(body, name);
        if (amount <= 0 || amount > CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS) {
            throw new ApiException(ErrorCode.INVALID_AMOUNT, "The " + name + " must be a positive whole number in "
                    + "the currency's smallest unit, at most " + CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS + ".",
                    name, null);
        }
        return amount;
    }

    /** capture_method: automatic (the default) or manual. */
    public static CaptureMethod captureMethod(JsonObject body, String name) {
        String value = optionalString(body, name, 20);
        if (value == null) {
            return CaptureMethod.AUTOMATIC;
        }
        return CaptureMethod.fromWireName(value).orElseThrow(() -> ApiException.invalidParam(name,
                "The " + name + " must be automatic or manual."));
    }

    /**
     * An optional label a merchant sees in lists: 1 to {@code maxLength} printable characters (no
     * control or line-breaking characters).
     */
    public static String optionalLabel(JsonObject body, String name, int maxLength) {
        String value = optionalString(body, name, maxLength);
        return value == null ? null : label(name, value, maxLength);
    }

    /**
     * A label typed by a person (a key's name, say), as the API and the dashboard accept it: 1 to
     * {@code maxLength} printable characters on one line, no card number.
     */
    public static String label(String name, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw ApiException.invalidParam(name, "The " + name + " must be 1 to " + maxLength + " characters.");
        }
        if (value.codePoints().anyMatch(RequestFields::unprintable)) {
            throw ApiException.invalidParam(name, "The " + name + " must be printable characters only, on one line.");
        }
        if (CardNumberDetector.containsCardNumber(value)) {
            throw ApiException.invalidParam(name, "The " + name + " must not contain a card number.");
        }
        return value;
    }

    private static boolean unprintable(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.PRIVATE_USE;
    }

    public static Map<String, Object> customerInfo(JsonObject body, String name) {
        JsonValue node = body.get(name);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        JsonObject info = object(node, name);
        rejectUnknown(info, CUSTOMER_FIELDS, name);
        Map<String, Object> result = new LinkedHashMap<>();
        putString(result, info, "name", name, 200);
        String email = stringField(info, "email", name, 320);
        if (email != null) {
            if (!EMAIL.matcher(email).matches()) {
                throw ApiException.invalidParam(name + "[email]", "The email address is not valid.");
            }
            result.put("email", email);
        }
        putString(result, info, "phone", name, 40);
        JsonValue addressNode = info.get("address");
        if (addressNode != null && !addressNode.isNull()) {
            String addressParam = name + "[address]";
            JsonObject address = object(addressNode, addressParam);
            rejectUnknown(address, ADDRESS_FIELDS, addressParam);
            Map<String, Object> addressResult = new LinkedHashMap<>();
            for (String field : new String[] {"line1", "line2", "city", "state", "postal_code"}) {
                putString(addressResult, address, field, addressParam, 200);
            }
            String country = stringField(address, "country", addressParam, 2);
            if (country != null) {
                if (!COUNTRY.matcher(country).matches()) {
                    throw ApiException.invalidParam(addressParam + "[country]",
                            "The country must be a two-letter ISO 3166-1 code such as US.");
                }
                addressResult.put("country", country);
            }
            result.put("address", addressResult);
        }
        return result;
    }

    public static Map<String, Object> metadata(JsonObject body, String name) {
        JsonValue node = body.get(name);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        JsonObject metadata = object(node, name);
        if (metadata.size() > MAX_METADATA_KEYS) {
            throw ApiException.invalidParam(name, "Metadata can have at most " + MAX_METADATA_KEYS + " keys.");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonValue>> fields = metadata.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonValue> field = fields.next();
            String key = field.getKey();
            JsonValue value = field.getValue();
            if (key.isEmpty() || key.length() > MAX_METADATA_KEY_LENGTH) {
                throw ApiException.invalidParam(name, "Metadata keys must be 1 to 40 characters.");
            }
            String param = name + "[" + key + "]";
            if (value.isTextual()) {
                if (value.textValue().length() > MAX_METADATA_VALUE_LENGTH) {
                    throw ApiException.invalidParam(param, "Metadata values must be at most 500 characters.");
                }
                result.put(key, value.textValue());
            } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                result.put(key, value.longValue());
            } else if (value.isBoolean()) {
                result.put(key, value.booleanValue());
            } else {
                throw ApiException.invalidParam(param, "Metadata values must be strings, whole numbers or booleans.");
            }
        }
        return result;
    }

    private static JsonObject object(JsonValue node, String param) {
        if (!node.isObject()) {
            throw ApiException.invalidParam(param, "The " + param + " must be an object.");
        }
        return node.asObject();
    }

    private static void putString(Map<String, Object> into, JsonObject from, String field, String prefix, int max) {
        String value = stringField(from, field, prefix, max);
        if (value != null) {
            into.put(field, value);
        }
    }

    private static String stringField(JsonObject from, String field, String prefix, int max) {
        JsonValue node = from.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String param = prefix + "[" + field + "]";
        if (!node.isTextual() || node.textValue().length() > max) {
            throw ApiException.invalidParam(param, "The " + param + " must be a string of at most " + max
                    + " characters.");
        }
        return node.textValue();
    }
}
