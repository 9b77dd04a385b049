package com.circoflows.localrunner.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Form posts to the customer pages: the valid form with one field hostile or refused (card number,
 * expiry, code, email, name), the CSRF token or its cookie missing, tampered or another page's, and
 * bodies that are not a form at all (broken escapes, duplicated or nameless pairs, JSON, 20 KB).
 */
final class HostileForms {
    private static final Map<String, Gen<String>> FIELD_VALUES = Map.of(
            "card_number", Gen.elements("", "4242", "4242 4242 4242 4241", "4000000000000002", "4000000000003220",
                    "４２４２４２４２４２４２４２４２", "4242-4242-4242-4242", "42424242424242424242"),
            "expiry", Gen.elements("", "13/30", "00/30", "12/20", "1230", "12/2030", "12 / 30", "１２/３０", "12/", "/30",
                    "99/99"),
            "cvc", Gen.elements("", "1", "12", "12345", "abc", "８２６"),
            "email", Gen.elements("", "jane", "jane@", "4242424242424242@example.com", "jane@example.com"),
            "cardholder_name", Gen.elements("", "x".repeat(101), "4242 4242 4242 4242", "<script>alert(1)</script>",
                    "Jane Fuzz"));

    private HostileForms() {
    }

    record Form(String kind, String body, boolean withCookie, String cookieNonce) {
    }

    /** How many kinds of form {@link #paymentPage} makes (a hostile field counts twice: five fields to try). */
    static final int PAYMENT_PAGE_KINDS = 6;
    /** How many kinds of form {@link #challengePage} makes. */
    static final int CHALLENGE_KINDS = 4;

    /**
     * A form of kind {@code kind} (0 to {@link #PAYMENT_PAGE_KINDS} - 1) for the payment page of one open
     * session, whose page gave {@code csrf} and the cookie {@code nonce}.
     */
    static Gen<Form> paymentPage(String csrf, String nonce, int kind) {
        return random -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("csrf_token", csrf);
            fields.put("email", "jane@example.com");
            fields.put("card_number", Gen.elements("4242424242424242", "4000000000000002").next(random));
            fields.put("expiry", "12/30");
            fields.put("cvc", ValidBodies.CVV);
            fields.put("cardholder_name", "Jane Fuzz");
            return switch (kind) {
                case 0, 1 -> {
                    String field = Gen.elements("card_number", "expiry", "cvc", "email", "cardholder_name").next(random);
                    fields.put(field, random.nextBoolean() ? FIELD_VALUES.get(field).next(random)
                            : HostileText.ANY.next(random));
                    yield new Form(field + " hostile", encode(fields), true, nonce);
                }
                case 2 -> csrfVariant(fields, nonce, random);
                case 3 -> new Form("not a form", notAForm(encode(fields), random), true, nonce);
                case 4 -> {
                    fields.remove(Gen.elements(fields.keySet().toArray(new String[0])).next(random));
                    yield new Form("a field missing", encode(fields), true, nonce);
                }
                default -> new Form("valid form", encode(fields), true, nonce);
            };
        };
    }

    /** A form of kind {@code kind} (0 to {@link #CHALLENGE_KINDS} - 1) for the 3-D Secure challenge page of one transaction. */
    static Gen<Form> challengePage(String csrf, String nonce, int kind) {
        return random -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("csrf_token", csrf);
            fields.put("outcome", Gen.elements("authenticate", "fail").next(random));
            return switch (kind) {
                case 0 -> {
                    fields.put("outcome", random.nextBoolean() ? Gen.elements("", "AUTHENTICATE", "success", "fail ",
                            "authenticate\u0000").next(random) : HostileText.ANY.next(random));
                    yield new Form("outcome hostile", encode(fields), true, nonce);
                }
                case 1 -> csrfVariant(fields, nonce, random);
                case 2 -> new Form("not a form", notAForm(encode(fields), random), true, nonce);
                default -> new Form("valid choice", encode(fields), true, nonce);
            };
        };
    }

    private static Form csrfVariant(Map<String, String> fields, String nonce, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new Form("no cookie", encode(fields), false, nonce);
            case 1 -> new Form("another cookie nonce", encode(fields), true, HostileHeaders.base62(random, 32));
            case 2 -> new Form("hostile cookie", encode(fields), true, HostileHeaders.headerSafe(HostileText.ANY
                    .next(random)));
            case 3 -> {
                fields.put("csrf_token", HostileText.SHORT.next(random));
                yield new Form("tampered token", encode(fields), true, nonce);
            }
            default -> {
                fields.remove("csrf_token");
                yield new Form("no token", encode(fields), true, nonce);
            }
        };
    }

    private static String notAForm(String valid, Random random) {
        return Gen.elements(valid.replace("=", "=%"), valid.replace("&", "&&&"), valid + "&csrf_token=second",
                valid + "&=x&&x", valid.replace("%", "%%"), "{\"csrf_token\":\"x\"}", valid + "&pad=" + "x".repeat(20_000),
                "", valid.replace("&", ";"), valid.replace("+", " ")).next(random);
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
