package com.circoflows.localrunner.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Query strings: limit negative, zero, huge, fractional, non-numeric, repeated; cursors that are the
 * caller's genuine next_cursor, that cursor tampered with (bytes flipped, cut, padded; decoded, one
 * part changed and encoded again), another merchant's, or not base64 at all; and broken query syntax.
 */
final class HostileQueries {
    private HostileQueries() {
    }

    record Query(String kind, String text) {
    }

    static Gen<Query> queries(MerchantObjects own, MerchantObjects strangers) {
        return random -> switch (random.nextInt(4)) {
            case 0 -> new Query("limit", "limit=" + Gen.elements("-1", "0", "1", "100", "101", "2147483647", "2147483648",
                    "99999999999999999999", "1.5", "1e2", "abc", "", "%20", "%205", "5%20", "%EF%BC%91%EF%BC%90", "0x10",
                    "%2B5", "NaN", "1,2", "%00", "1%00", "-0").next(random) + (random.nextInt(5) == 0 ? "&limit=7" : ""));
            case 1 -> new Query("cursor", "cursor=" + cursor(own, strangers, random)
                    + (random.nextBoolean() ? "&limit=" + Gen.between(1, 3).next(random) : ""));
            case 2 -> new Query("both", "limit=" + Gen.elements("1", "-5", "x").next(random) + "&cursor="
                    + cursor(own, strangers, random));
            default -> new Query("query syntax", Gen.elements("&&&", "=", "==", "a==b", "limit", "limit=", "cursor",
                    "cursor=", "%zz=1", "a=%", "limit[]=1", "limit[0]=1&limit[1]=2", "%E2%82%AC=%E2%82%AC",
                    "x=" + "y".repeat(Gen.elements(100, 4000, 9000).next(random)), "limit=1;cursor=x", "?", "??limit=1",
                    "limit=1#frag", HostilePaths.encode(HostileText.INJECTION.next(random)) + "=1").next(random));
        };
    }

    private static String cursor(MerchantObjects own, MerchantObjects strangers, Random random) {
        String genuine = own.cursor();
        return switch (random.nextInt(9)) {
            case 0 -> HostilePaths.encode(genuine);
            case 1 -> HostilePaths.encode(strangers.cursor());
            case 2 -> HostilePaths.encode(flip(genuine, random));
            case 3 -> HostilePaths.encode(genuine.substring(0, random.nextInt(genuine.length())));
            case 4 -> HostilePaths.encode(genuine + Gen.elements("=", "==", "A", "%", "\u0000").next(random));
            case 5 -> HostilePaths.encode(retampered(genuine, random));
            case 6 -> HostilePaths.encode(Base64.getUrlEncoder().encodeToString(HostileText.SHORT.next(random)
                    .getBytes(StandardCharsets.UTF_8)));
            case 7 -> Gen.elements("!!!", "%00", "%", "null", "undefined", "[]", "{}", "A".repeat(9000), "").next(random);
            default -> HostilePaths.encode(HostileText.ANY.next(random));
        };
    }

    private static String flip(String cursor, Random random) {
        char[] chars = cursor.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    /** The genuine cursor decoded ("merchant|created_at|event_id"), one part or the shape changed, encoded again. */
    private static String retampered(String genuine, Random random) {
        String[] parts = new String(Base64.getUrlDecoder().decode(genuine), StandardCharsets.UTF_8).split("\\|", -1);
        String merchant = parts[0];
        String createdAt = parts.length > 1 ? parts[1] : "";
        String eventId = parts.length > 2 ? parts[2] : "";
        String tampered = switch (random.nextInt(8)) {
            case 0 -> merchant + "||";
            case 1 -> merchant + "|" + createdAt + "|";
            case 2 -> merchant + "||" + eventId;
            case 3 -> merchant + "|" + HostileText.SHORT.next(random) + "|" + eventId;
            case 4 -> merchant + "|" + createdAt + "|" + HostileText.ANY.next(random);
            case 5 -> merchant + "|" + createdAt + "|" + eventId + "|extra";
            case 6 -> merchant + "|" + "9".repeat(2000) + "|" + eventId;
            default -> merchant + "|" + createdAt + "|" + "evt_" + "A".repeat(24);
        };
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes(StandardCharsets.UTF_8));
    }
}
