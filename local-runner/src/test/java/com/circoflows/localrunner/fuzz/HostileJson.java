package com.circoflows.localrunner.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Bodies that are not the JSON object an endpoint expects, each made from the route's valid body
 * where it has one: truncated, not an object, nested thousands deep, numbers no parser can hold, NaN,
 * duplicate keys, escapes (lone surrogates, NUL, an escaped key name), raw NUL and bytes that are
 * not UTF-8, comments, trailing commas and garbage, very long strings, arrays and nulls for objects,
 * a byte-order mark, or nothing at all.
 */
final class HostileJson {
    private HostileJson() {
    }

    record Body(String kind, byte[] bytes) {
        static Body text(String kind, String text) {
            return new Body(kind, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** How many kinds of body {@link #of} makes. */
    static final int KINDS = 22;

    /** A body of kind {@code kind} (0 to {@link #KINDS} - 1); {@code body} is a valid JSON object for the route ("{}" when it takes none). */
    static Gen<Body> of(String body, int kind) {
        return random -> switch (kind) {
            case 0 -> Body.text("truncated", body.substring(0, random.nextInt(Math.max(1, body.length()))));
            case 1 -> Body.text("not an object", Gen.elements("[]", "[" + body + "]", "\"text\"", "42", "-1.5", "true",
                    "null", "\"" + body.replace("\"", "\\\"") + "\"").next(random));
            case 2 -> Body.text("deep nesting", nested(random));
            case 3 -> Body.text("huge number", withField(body, "amount", Gen.elements("1" + "0".repeat(400),
                    "1e400", "-1e400", "123456789012345678901234567890", "0." + "0".repeat(500) + "1",
                    "9".repeat(5000)).next(random)));
            case 4 -> Body.text("float amount", withField(body, "amount", Gen.elements("1000.0", "10.5", "1e3",
                    "1E3", "99.99", "-0.0", "5e-324").next(random)));
            case 5 -> Body.text("NaN or Infinity", withField(body, Gen.elements("amount", "expiry_month", "attempt")
                    .next(random), Gen.elements("NaN", "Infinity", "-Infinity", "+Infinity", "nan").next(random)));
            case 6 -> Body.text("duplicate keys", duplicateKey(body, random));
            case 7 -> Body.text("unicode escapes", Gen.elements(
                    body.replaceFirst("\"amount\"", "\"\\\\u0061mount\""),
                    body.replaceFirst("\\{", "{\"note\":\"\\\\u0000\\\\u001f\\\\u007f\","),
                    body.replaceFirst("\\{", "{\"currency\":\"\\\\uFF35SD\","),
                    body.replaceFirst("\"(card|description|url|status)", "\"\\\\u0000$1")).next(random));
            case 8 -> Body.text("lone surrogate", body.replaceFirst(":\"", ":\"" + Gen.elements("\\\\ud800",
                    "\\\\udfff", "\\\\ud83d", "\\\\udc00\\\\ud800").next(random)));
            case 9 -> new Body("raw NUL and control bytes", insert(body, random, new byte[] {0}, new byte[] {1, 2, 3},
                    new byte[] {0x1b, '[', '2', 'J'}, new byte[] {0x7f}));
            case 10 -> new Body("invalid UTF-8", insert(body, random, new byte[] {(byte) 0xc3, 0x28},
                    new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                    new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                    new byte[] {(byte) 0xc0, (byte) 0xaf}));
            case 11 -> Body.text("comments and trailing commas", Gen.elements("/* c */" + body, "// c\n" + body,
                    body.replaceFirst("}$", ",}"), body.replace(",", ",,"), body.replace("\"", "'"),
                    body.replaceAll("\"([a-z_]+)\":", "$1:")).next(random));
            case 12 -> Body.text("trailing garbage", body + Gen.elements("x", "}", "{}", body, "\u0000", " // x",
                    "\n\n\n", "]").next(random));
            case 13 -> Body.text("very long string", withField(body, Gen.elements("description", "card_number",
                    "currency", "url", "status").next(random), "\"" + "A".repeat(Gen.between(5_000, 200_000)
                    .next(random)) + "\""));
            case 14 -> Body.text("array for an object", withField(body, Gen.elements("customer_info", "metadata")
                    .next(random), Gen.elements("[]", "[1,2,3]", "[{\"name\":\"x\"}]", "\"{}\"").next(random)));
            case 15 -> Body.text("null for a field", withField(body, Gen.elements("amount", "currency",
                    "customer_info", "metadata", "url", "status").next(random), "null"));
            case 16 -> Body.text("byte-order mark", "\ufeff" + body);
            case 17 -> Body.text("empty or blank", Gen.elements("", " ", "\n", "\t\r\n", "{}", "{ }").next(random));
            case 18 -> Body.text("many fields", manyFields(random));
            case 19 -> new Body("random bytes", randomBytes(random));
            case 20 -> Body.text("wrong nesting", Gen.elements(body.replaceFirst("\\{", "{{"),
                    body.replaceFirst("}$", "}}"), body.replace(":", "::"), body.replace("{", "["),
                    body.replaceFirst("\\{", "{\"metadata\":{\"a\":{\"b\":{\"c\":1}}},")).next(random));
            default -> Body.text("form-encoded", "amount=1000&currency=USD&card_number=4242424242424242");
        };
    }

    /** The body with {@code name} set to the raw JSON {@code value}, added when absent. */
    private static String withField(String body, String name, String value) {
        String key = "\"" + name + "\":";
        int at = body.indexOf(key);
        if (at < 0) {
            String separator = body.equals("{}") ? "" : ",";
            return body.replaceFirst("\\{", Matcher.quoteReplacement("{" + key + value + separator));
        }
        int end = valueEnd(body, at + key.length());
        return body.substring(0, at + key.length()) + value + body.substring(end);
    }

    /** Where the JSON value starting at {@code start} ends (a string, an object or array, or a scalar). */
    private static int valueEnd(String body, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return body.length();
    }

    private static String duplicateKey(String body, Random random) {
        String name = Gen.elements("amount", "currency", "card_number", "url", "status", "metadata").next(random);
        return body.replaceFirst("\\{", Matcher.quoteReplacement("{\"" + name + "\":\"first\","
                + "\"" + name + "\":\"second\"" + (body.equals("{}") ? "" : ",")));
    }

    private static String nested(Random random) {
        int depth = Gen.elements(19, 20, 21, 100, 1000, 10_000, 100_000).next(random);
        return random.nextBoolean()
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"metadata\":".repeat(depth) + "{}" + "}".repeat(depth);
    }

    private static String manyFields(Random random) {
        int count = Gen.elements(51, 100, 1000, 5000).next(random);
        StringBuilder body = new StringBuilder("{\"metadata\":{");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        return body.append("}}").toString();
    }

    private static byte[] insert(String body, Random random, byte[]... choices) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] inserted = choices[random.nextInt(choices.length)];
        int at = random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[Gen.between(1, 2048).next(random)];
        random.nextBytes(bytes);
        return bytes;
    }
}
