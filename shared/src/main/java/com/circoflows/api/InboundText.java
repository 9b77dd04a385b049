package com.circoflows.api;

import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.domain.error.ApiException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one check every piece of text a request brings in passes before anything can store, echo or log
 * it: each name and value of a JSON body (in {@link RequestBodies#parseObject}, so every route's body, URLs and
 * metadata keys included), the Idempotency-Key header, and the name and email typed on the hosted
 * payment page. Refused with 400 invalid_request naming the param, never quoting the text:
 *
 * <ul>
 *   <li>a card number ({@link CardNumberDetector}) anywhere but the card's own field: it would be kept
 *       in the clear;
 *   <li>text that is not valid Unicode: a lone UTF-16 surrogate (a JSON {@code \ud800}), or U+FFFD, which
 *       is what invalid UTF-8 bytes become on the way in. Storage would silently turn either into '?'.
 * </ul>
 */
public final class InboundText {
    static final String CARD_NUMBER_MESSAGE =
            "This looks like it contains a card number; card numbers may only be sent in card_number.";
    static final String INVALID_TEXT_MESSAGE =
            "This must be valid UTF-8 text: it holds an invalid byte sequence or an unpaired UTF-16 surrogate.";
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private InboundText() {
    }

    /** {@code text} when it holds neither a card number nor invalid Unicode; otherwise a 400 naming {@code param}. */
    public static String check(String text, String param) {
        checkUnicode(text, param);
        if (CardNumberDetector.containsCardNumber(text)) {
            throw ApiException.invalidParam(param, CARD_NUMBER_MESSAGE);
        }
        return text;
    }

    /** Whether {@link #check} would let {@code text} through: for forms, which answer with a page, not a 400. */
    public static boolean acceptable(String text) {
        try {
            check(text, null);
            return true;
        } catch (ApiException refused) {
            return false;
        }
    }

    /**
     * Every member name and value of a request body, at any depth. A top-level member named in
     * {@code cardFields} may hold a card number (whether it is a valid one is the card checks' job). A
     * bad member name is reported as its parent's param ({@code body} at the top), so it is not echoed.
     */
    static void checkBody(JsonObject body, Set<String> cardFields) {
        checkMembers(body, "body", null, cardFields);
    }

    private static void checkMembers(JsonObject object, String objectParam, String prefix, Set<String> cardFields) {
        Iterator<Map.Entry<String, JsonValue>> members = object.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonValue> member = members.next();
            String name = member.getKey();
            check(name, objectParam);
            String param = prefix == null ? name : prefix + "[" + name + "]";
            JsonValue value = member.getValue();
            if (prefix == null && cardFields.contains(name)) {
                // Any other kind of value is refused by the field's own check, which quotes nothing.
                if (value.isTextual()) {
                    checkUnicode(value.textValue(), param);
                }
            } else {
                checkValue(value, param);
            }
        }
    }

    private static void checkValue(JsonValue value, String param) {
        if (value.isTextual()) {
            check(value.textValue(), param);
        } else if (value.isObject()) {
            checkMembers(value.asObject(), param, param, Set.of());
        } else if (value.isArray()) {
            List<JsonValue> elements = value.elements();
            for (int i = 0; i < elements.size(); i++) {
                checkValue(elements.get(i), param + "[" + i + "]");
            }
        } else if (value.isNumber()) {
            // A number is stored as written too (metadata), and its digits can be a card's.
            check(value.numberText(), param);
        }
    }

    private static void checkUnicode(String text, String param) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == REPLACEMENT_CHARACTER) {
                throw ApiException.invalidParam(param, INVALID_TEXT_MESSAGE);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiException.invalidParam(param, INVALID_TEXT_MESSAGE);
            }
        }
    }
}
