package com.circoflows.localrunner.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Path parameter values, mostly hostile: traversal (raw, encoded, double-encoded), encoded slashes,
 * NUL, a literal %, Unicode, overlong, injection-looking, empty; and the caller's own real id,
 * altered or not, and another merchant's id, so the cases reach the lookup too. Values go into the
 * path as given; {@link RawHttp} encodes what a conforming client would (raw Unicode, a lone %).
 */
final class HostilePaths {
    private HostilePaths() {
    }

    record Value(String kind, String text) {
    }

    static Gen<Value> values(String parameter, MerchantObjects own, MerchantObjects strangers) {
        return random -> {
            String ownId = FuzzFixtures.ownId(parameter, own, random);
            return switch (random.nextInt(16)) {
                case 0 -> new Value("own id", ownId);
                case 1 -> new Value("another merchant's id", FuzzFixtures.ownId(parameter, strangers, random));
                case 2 -> new Value("own id altered", Gen.elements(ownId.toUpperCase(Locale.ROOT),
                        ownId.toLowerCase(Locale.ROOT), ownId + "x", ownId.substring(0, ownId.length() - 1), "x" + ownId,
                        ownId + "%20", "%20" + ownId, ownId + "%00", ownId + ";x=1", ownId + "%2F",
                        percentEncodeAll(ownId), ownId.replace("_", "%5F"), ownId + ".json", ownId + "%0A").next(random));
                case 3 -> new Value("traversal", Gen.elements("..", ".", "...", "../..", "..%2F..", "%2e%2e", "%2E%2E%2F",
                        "%252e%252e%252f", "..%5C..%5C", "%c0%ae%c0%ae", "..;", "%2e%2e%2fhealth").next(random));
                case 4 -> new Value("encoded slash", Gen.elements("%2F", "a%2Fb", "%2F%2F", "%252F", "%5C",
                        ownId + "%2Fcancel").next(random));
                case 5 -> new Value("odd escapes", Gen.elements("%", "%%", "%zz", "%4", "%u0041", "%E2%82", "%FF%FE",
                        "%C0%80", "%ED%A0%80").next(random));
                case 6 -> new Value("encoded control characters", Gen.elements("%00", "%0D%0A", "%1B%5B2J", "%7F", "%08",
                        "%09").next(random));
                case 7 -> new Value("encoded Unicode", encode(HostileText.SHORT.next(random) + "\u202e\u200b"));
                case 8 -> new Value("Unicode", Gen.elements("txn_é", "sess_漢字", "évt", "\ud83d\ude42", "ß").next(random));
                case 9 -> new Value("overlong", (ownId.isEmpty() ? "x" : ownId) + "A".repeat(Gen.elements(100, 1000, 5000)
                        .next(random)));
                case 10 -> new Value("injection", encode(HostileText.INJECTION.next(random)));
                case 11 -> new Value("empty", "");
                case 12 -> new Value("prefix only", Gen.elements("txn_", "sess_", "evt_", "key_", "gw_", "bcr_")
                        .next(random));
                case 13 -> new Value("wrong kind of id", Gen.elements(own.completedTransactionId(), own.sessionId(),
                        own.eventId(), own.pendingGatewayId(), own.heldCreditId()).next(random));
                case 14 -> new Value("card number", Gen.elements("4242424242424242", "4242%204242%204242%204242")
                        .next(random));
                default -> new Value("hostile text", encode(HostileText.ANY.next(random)));
            };
        };
    }

    /** The route's path made odd in a way an HTTP client would send: case, slashes, dot segments, a ;param. */
    static Gen<Value> pathVariants(String path) {
        return random -> {
            int lastSlash = path.lastIndexOf('/');
            return Gen.elements(
                    new Value("trailing slash", path + "/"),
                    new Value("double slash", path.replaceFirst("/", "//")),
                    new Value("upper case", path.toUpperCase(Locale.ROOT)),
                    new Value("dot segment", path.substring(0, lastSlash) + "/." + path.substring(lastSlash)),
                    new Value("dot-dot segment", path.substring(0, lastSlash) + "/x/.." + path.substring(lastSlash)),
                    new Value("matrix parameter", path + ";jsessionid=fuzz"),
                    new Value("encoded letters", path.replace("a", "%61")),
                    new Value("encoded slashes", path.replace("/", "%2F")),
                    new Value("backslashes", "/" + path.substring(1).replace("/", "\\")),
                    new Value("extra segment", path + "/extra")).next(random);
        };
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String percentEncodeAll(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            encoded.append('%').append(String.format("%02X", b));
        }
        return encoded.toString();
    }
}
