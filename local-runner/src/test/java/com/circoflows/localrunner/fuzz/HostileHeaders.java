package com.circoflows.localrunner.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Request headers with one of them hostile: Authorization missing, in the wrong scheme, overlong,
 * non-ASCII or a well-formed key nobody issued; Content-Type variants; Idempotency-Key overlong, with
 * control characters or Unicode; huge or very many headers. Unknown key ids spend the address's
 * failure budget (10 a minute, then 429, a documented answer too); AuthenticationIT waits that out.
 */
final class HostileHeaders {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private HostileHeaders() {
    }

    /** Headers of one case; {@code usesPoolKey} when the caller's own key is in them, as is. */
    record Variant(String kind, List<Map.Entry<String, String>> headers, boolean usesPoolKey) {
    }

    static List<Map.Entry<String, String>> valid(String apiKey, boolean jsonBody) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Authorization", "Bearer " + apiKey));
        if (jsonBody) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        return headers;
    }

    /** How many kinds of header {@link #variants} makes: Authorization, Content-Type, Idempotency-Key, sizes. */
    static final int KINDS = 4;

    static Gen<Variant> variants(String apiKey, boolean jsonBody, int kind) {
        return random -> switch (kind) {
            case 0 -> authorization(apiKey, jsonBody, random);
            case 1 -> contentType(apiKey, jsonBody, random);
            case 2 -> idempotencyKey(apiKey, jsonBody, random);
            default -> sizes(apiKey, jsonBody, random);
        };
    }

    private static Variant authorization(String apiKey, boolean jsonBody, Random random) {
        String unknownKey = "cf_test_" + base62(random, 48);
        String otherMode = apiKey.replaceFirst("^cf_test_", "cf_live_");
        String[][] choices = {
                {"missing", null},
                {"empty", ""},
                {"scheme only", "Bearer"},
                {"scheme and space", "Bearer "},
                {"basic scheme", "Basic " + java.util.Base64.getEncoder().encodeToString((apiKey + ":").getBytes())},
                {"token scheme", "Token " + apiKey},
                {"key without scheme", apiKey},
                {"lower-case scheme", "bearer " + apiKey},
                {"upper-case scheme", "BEARER " + apiKey},
                {"padded", "  Bearer   " + apiKey + "   "},
                {"tab separator", "Bearer\t" + apiKey},
                {"key twice", "Bearer " + apiKey + " " + apiKey},
                {"key and comma", "Bearer " + apiKey + ",x"},
                {"unknown well-formed key", "Bearer " + unknownKey},
                {"unknown live key", "Bearer cf_live_" + base62(random, 48)},
                {"own key in the other mode", "Bearer " + otherMode},
                {"key too short", "Bearer " + apiKey.substring(0, apiKey.length() - 1)},
                {"key too long", "Bearer " + apiKey + "A"},
                {"non-ASCII key", "Bearer cf_test_" + base62(random, 40) + "éééééééé"},
                {"key with NUL", "Bearer " + apiKey.substring(0, 20) + "\u0000" + apiKey.substring(21)},
                {"overlong", "Bearer " + "A".repeat(Gen.between(100, 16_000).next(random))},
                {"hostile text", "Bearer " + headerSafe(HostileText.SHORT.next(random))},
                {"injection", "Bearer " + headerSafe(HostileText.INJECTION.next(random))},
        };
        String[] choice = choices[random.nextInt(choices.length)];
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (choice[1] != null) {
            headers.add(Map.entry(random.nextBoolean() ? "Authorization" : "authorization", choice[1]));
        }
        if (jsonBody) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        boolean usesPoolKey = choice[1] != null && choice[1].strip().matches("(?i)bearer\\s+" + apiKey);
        return new Variant("Authorization " + choice[0], headers, usesPoolKey);
    }

    private static Variant contentType(String apiKey, boolean jsonBody, Random random) {
        String[][] choices = {
                {"missing", null},
                {"text/plain", "text/plain"},
                {"form", "application/x-www-form-urlencoded"},
                {"multipart", "multipart/form-data; boundary=fuzz"},
                {"xml", "application/xml"},
                {"octet-stream", "application/octet-stream"},
                {"utf-16 charset", "application/json; charset=utf-16"},
                {"unknown charset", "application/json; charset=x-fuzz"},
                {"upper case", "APPLICATION/JSON"},
                {"vendor json", "application/vnd.api+json"},
                {"garbage parameters", "application/json;;;=;"},
                {"empty", ""},
                {"overlong", "application/json; x=" + "a".repeat(Gen.between(100, 8000).next(random))},
                {"control characters", "application/json\u0001\u0002"},
                {"non-ASCII", "application/jsön"},
        };
        String[] choice = choices[random.nextInt(choices.length)];
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Authorization", "Bearer " + apiKey));
        if (choice[1] != null) {
            headers.add(Map.entry("Content-Type", choice[1]));
        }
        return new Variant("Content-Type " + choice[0] + (jsonBody ? "" : " without a body"), headers, true);
    }

    private static Variant idempotencyKey(String apiKey, boolean jsonBody, Random random) {
        String unique = base62(random, 12);
        String[][] choices = {
                {"empty", ""},
                {"blank", "   "},
                {"255 characters", "k".repeat(243) + unique},
                {"256 characters", "k".repeat(244) + unique},
                {"overlong", "k".repeat(Gen.between(300, 12_000).next(random))},
                {"control characters", "key-\u0001\u0007-" + unique},
                {"NUL", "key\u0000" + unique},
                {"tab", "key\t" + unique},
                {"Unicode", "ключ-" + unique},
                {"emoji", "\ud83d\ude42-" + unique},
                {"DEL", "key\u007f" + unique},
                {"injection", headerSafe(HostileText.INJECTION.next(random)) + unique},
                {"ordinary", "order-" + unique},
        };
        String[] choice = choices[random.nextInt(choices.length)];
        List<Map.Entry<String, String>> headers = valid(apiKey, jsonBody);
        headers.add(Map.entry(random.nextBoolean() ? "Idempotency-Key" : "idempotency-key", choice[1]));
        if (random.nextInt(6) == 0) {
            headers.add(Map.entry("Idempotency-Key", "second-" + unique));
            return new Variant("Idempotency-Key " + choice[0] + ", sent twice", headers, true);
        }
        return new Variant("Idempotency-Key " + choice[0], headers, true);
    }

    private static Variant sizes(String apiKey, boolean jsonBody, Random random) {
        List<Map.Entry<String, String>> headers = valid(apiKey, jsonBody);
        switch (random.nextInt(5)) {
            case 0 -> {
                headers.add(Map.entry("X-Fuzz", "x".repeat(Gen.elements(8_000, 11_000, 30_000, 70_000).next(random))));
                return new Variant("one huge header", headers, true);
            }
            case 1 -> {
                int count = Gen.elements(50, 99, 101, 150, 500).next(random);
                for (int i = 0; i < count; i++) {
                    headers.add(Map.entry("X-Fuzz-" + i, "v" + i));
                }
                return new Variant("many headers", headers, true);
            }
            case 2 -> {
                headers.add(Map.entry("X-Fuzz", headerSafe(HostileText.ANY.next(random))));
                return new Variant("hostile header value", headers, true);
            }
            case 3 -> {
                headers.add(Map.entry("Cookie", headerSafe(HostileText.SHORT.next(random)) + "; cf_page_nonce=" + "x"
                        .repeat(40)));
                headers.add(Map.entry("Accept-Language", headerSafe(HostileText.SHORT.next(random))));
                return new Variant("hostile cookie and language", headers, true);
            }
            default -> {
                headers.add(Map.entry("X-Forwarded-For", "1.2.3.4, " + headerSafe(HostileText.SHORT.next(random))));
                headers.add(Map.entry("X-Request-Id", headerSafe(HostileText.INJECTION.next(random))));
                return new Variant("spoofed forwarding headers", headers, true);
            }
        }
    }

    /** Header values can hold anything but CR and LF, which would end the header (clients refuse them too). */
    static String headerSafe(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    static String base62(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return text.toString();
    }
}
