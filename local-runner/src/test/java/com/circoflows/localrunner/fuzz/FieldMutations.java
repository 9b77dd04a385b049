package com.circoflows.localrunner.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A valid body with exactly one field changed: removed, null, of the wrong type, hostile text, a
 * boundary or out-of-range number (as raw JSON: 1e3, 1000.0, NaN, 2^63), a value that field's rules
 * refuse (a card number with spaces or full-width digits, a past expiry, a private webhook URL, …),
 * or an unknown field added. Any field can be picked, nested ones included.
 */
final class FieldMutations {
    /** Raw JSON numbers, several of them not JSON at all; none a 3-4 digit value (see ValidBodies). */
    private static final Gen<String> NUMBERS = Gen.elements("0", "-0", "-1", "1", "49", "50", "51", "99999999",
            "100000000", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
            "123456789012345678901234567890", "1e999", "-1e999", "1E+2", "1e3", "1000.0", "10.5", "0.0000001", "1.0e-7",
            "NaN", "Infinity", "-Infinity", "0x10", "010", "+5", ".5", "5.", "1_000", "4242424242424242");

    private static final Map<String, Gen<String>> SEMANTIC = Map.ofEntries(
            Map.entry("card_number", Gen.elements("4242 4242 4242 4242", "4242-4242-4242-4242", "424242424242",
                    "42424242424242424242", "4242424242424241", "４２４２４２４２４２４２４２４２", "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢",
                    "4242424242424242\u0000", " 4242424242424242 ", "0000000000000000", "abcdabcdabcdabcd", "", "4")),
            Map.entry("cvv", Gen.elements("", "1", "12", "12345", "abc", "１２３", "٣٤٥", "-12", "1 2", "0x1")),
            Map.entry("expiry_month", Gen.elements("0", "00", "13", "-1", "1", "01", "12 ", "１２", "December", "1.5", "")),
            Map.entry("expiry_year", Gen.elements("2020", "20", "30", "99", "0", "99999", "２０３０", "-2030", "2030.0",
                    "1970", "")),
            Map.entry("currency", Gen.elements("", "US", "USDD", "XXX", "XTS", "usd", "UsD", "ÜSD", "US D", "BTC", "123",
                    "EURO")),
            Map.entry("payment_method", Gen.elements("bank_transfer", "CARD", "card ", "", "cash", "crypto", "apple_pay",
                    "google_pay", "Apple_Pay", "samsung_pay")),
            Map.entry("payment_token", Gen.elements("", "{}", "[]", "not a token", "{\"version\":\"EC_v1\"}",
                    "{\"protocolVersion\":\"ECv2\"}", "x".repeat(16_385), "\u0000")),
            Map.entry("wallet", Gen.elements("", "APPLE_PAY", "apple pay", "samsung_pay", "card")),
            Map.entry("auth_method", Gen.elements("", "pan_only", "CRYPTOGRAM", "3DS", "PAN_ONLY ")),
            Map.entry("webhook_url", urls()),
            Map.entry("return_url", urls()),
            Map.entry("url", urls()),
            Map.entry("email", Gen.elements("", "a@b", "@example.com", "jane@", "jane@@example.com", "jane example@x.com",
                    "jane@exämple.com", "x".repeat(70) + "@example.com", "jane@example.com\u0000")),
            Map.entry("country", Gen.elements("", "U", "USA", "us", "ZZ", "Ü1", "1")),
            Map.entry("expires_at", Gen.elements("2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "2030-01-01T00:00:00",
                    "2030-01-01", "tomorrow", "", "2030-02-30T00:00:00Z", "2030-01-01T25:00:00Z",
                    "2030-01-01T00:00:00+25:00", "+999999999-12-31T23:59:59Z", "2030-01-01T00:00:00.123456789123Z",
                    "1".repeat(41))),
            Map.entry("status", Gen.elements("SUCCESS", "succeeded", "", "authenticated", "fail", "pending ")),
            Map.entry("gateway_id", Gen.elements("", "gw_", "gw_nope", "gw_" + "A".repeat(200), "../gw", "gw_\u0000")),
            Map.entry("description", Gen.elements("", " ", "x".repeat(501), "order 4242424242424242",
                    "order 4242 4242 4242 4242", "\u0000", "<script>alert(1)</script>")));

    private FieldMutations() {
    }

    /** How many kinds of change {@link #of} makes: eight to any field's value, a value its rules refuse, an unknown field. */
    static final int KINDS = 10;
    private static final int REFUSED_VALUE = 8;
    private static final int UNKNOWN_FIELD = 9;

    /**
     * One change of kind {@code kind} (0 to {@link #KINDS} - 1) to one field of {@code valid}, the
     * field drawn at random (for a refused value, among the fields that have rules); the result's kind
     * names the field and the change.
     */
    static Gen<Mutated> of(Gen<ObjectNode> valid, int kind) {
        return random -> {
            ObjectNode body = valid.next(random).deepCopy();
            List<Field> fields = new ArrayList<>();
            collect(body, "", fields);
            List<Field> candidates = kind == REFUSED_VALUE
                    ? fields.stream().filter(field -> SEMANTIC.containsKey(field.name)).toList() : fields;
            if (kind == UNKNOWN_FIELD || candidates.isEmpty()) {
                String name = Gen.oneOf(HostileText.SHORT, Gen.elements("__proto__", "constructor", "Amount",
                        "card", "pan", "4242424242424242", "amount ", "x".repeat(120))).next(random);
                body.put(name, "1");
                return new Mutated("unknown field added", Requests.write(body));
            }
            Field field = candidates.get(random.nextInt(candidates.size()));
            String change = mutate(field, kind, random);
            return new Mutated(field.path + ": " + change, Requests.write(body));
        };
    }

    private static String mutate(Field field, int kind, Random random) {
        ObjectNode parent = field.parent;
        String name = field.name;
        switch (kind) {
            case 0 -> {
                parent.remove(name);
                return "removed";
            }
            case 1 -> {
                parent.putNull(name);
                return "null";
            }
            case 2 -> {
                parent.putRawValue(name, new RawValue(NUMBERS.next(random)));
                return "number";
            }
            case 3 -> {
                parent.put(name, HostileText.ANY.next(random));
                return "hostile text";
            }
            case 4 -> {
                parent.put(name, random.nextBoolean());
                return "boolean";
            }
            case 5 -> {
                parent.putArray(name).add("1").add(1);
                return "array";
            }
            case 6 -> {
                parent.putObject(name).put("nested", "value");
                return "object";
            }
            case 7 -> {
                JsonNode value = parent.get(name);
                parent.put(name, value.isTextual() ? value.textValue() : value.toString());
                return "as a string";
            }
            default -> {
                parent.put(name, SEMANTIC.get(name).next(random));
                return "refused value";
            }
        }
    }

    private static void collect(ObjectNode node, String prefix, List<Field> into) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            into.add(new Field(node, field.getKey(), prefix + field.getKey()));
            if (field.getValue().isObject()) {
                collect((ObjectNode) field.getValue(), prefix + field.getKey() + ".", into);
            }
        }
    }

    record Mutated(String kind, String body) {
    }

    private record Field(ObjectNode parent, String name, String path) {
    }

    private static Gen<String> urls() {
        return Gen.elements("", "not a url", "javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/x",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x", "http://192.168.1.1/x",
                "http://[::1]:9/x", "http://[fe80::1]/x", "http://0x7f.1/x", "http://2130706433/x", "http://0/x",
                "https://user:pass@example.com/x", "https://example.com:99999/x", "https://exämple.com/x",
                "https://" + "a".repeat(300) + ".com/x", "https://example.com/" + "x".repeat(2100),
                "https://example.com/\u0000", "https://example.com/ x", "//example.com/x", "http:/x", "https://",
                "HTTPS://EXAMPLE.COM/X", "https://[::ffff:127.0.0.1]/x", "https://metadata.google.internal/x");
    }
}
