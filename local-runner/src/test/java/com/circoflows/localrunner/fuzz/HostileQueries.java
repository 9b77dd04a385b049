package com.circoflows.localrunner.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Query strings: limit negative, zero, huge, fractional, non-numeric, repeated; cursors that are the
 * caller's genuine next_cursor, that cursor tampered with (bytes flipped, cut, padded; decoded, one
 * part changed and encoded again), another merchant's, or not base64 at all; the event list's
 * transaction_id (own, another merchant's, malformed); and broken query syntax.
 */
final class HostileQueries {
    private HostileQueries() {
    }

    record Query(String kind, String text) {
    }

    static Gen<Query> queries(MerchantObjects own, MerchantObjects strangers) {
        return random -> switch (random.nextInt(5)) {
            case 0 -> new Query("limit", "limit=" + Gen.elements("-1", "0", "1", "100", "101", "2147483647", "2147483648",
                    "99999999999999999999", "1.5", "1e2", "abc", "", "%20", "%205", "5%20", "%EF%BC%91%EF%BC%90", "0x10",
                    "%2B5", "NaN", "1,2", "%00", "1%00", "-0").next(random) + (random.nextInt(5) == 0 ? "&limit=7" : ""));
            case 1 -> new Query("cursor", "cursor=" + cursor(own, strangers, random)
                    + (random.nextBoolean() ? "&limit=" + Gen.between(1, 3).next(random) : ""));
            case 2 -> new Query("both", "limit=" + Gen.elements("1", "-5", "x").next(random) + "&cursor="
                    + cursor(own, strangers, random));
            case 3 -> new Query("transaction_id", "transaction_id=" + transactionId(own, strangers, random)
                    + Gen.elements("", "", "&limit=1", "&cursor=" + cursor(own, strangers, random)).next(random));
            default -> new Query("query syntax", Gen.elements("&&&", "=", "==", "a==b", "limit", "limit=", "cursor",
                    "cursor=", "%zz=1", "a=%", "limit[]=1", "limit[0]=1&limit[1]=2", "%E2%82%AC=%E2%82%AC",
                    "x=" + "y".repeat(Gen.elements(100, 4000, 9000).next(random)), "limit=1;cursor=x", "?", "??limit=1",
                    "limit=1#frag", HostilePaths.encode(HostileText.INJECTION.next(random)) + "=1").next(random));
        };
    }

    /**
     * GET /api/direct-payment's filters, one or several at once, each valid or hostile (unknown statuses,
     * times that are not ISO 8601 or out of range, unknown methods, session ids of the wrong shape or
     * another merchant's, metadata pairs with odd names and long values, card last4s that are not four
     * ASCII digits, emails in odd cases, too long or not emails), with the caller's genuine transaction
     * cursor, another filter's use of it, a tampered one or another merchant's.
     */
    static Gen<Query> transactionQueries(MerchantObjects own, MerchantObjects strangers) {
        return random -> {
            StringBuilder text = new StringBuilder();
            java.util.List<String> kinds = new java.util.ArrayList<>();
            int parts = 1 + random.nextInt(3);
            for (int i = 0; i < parts; i++) {
                int kind = random.nextInt(10);
                kinds.add(switch (kind) {
                    case 0 -> "status";
                    case 1 -> "created range";
                    case 2 -> "payment_method";
                    case 3 -> "session_id";
                    case 4 -> "metadata";
                    case 5 -> "cursor";
                    case 6 -> "limit";
                    case 7 -> "card_last4";
                    case 8 -> "customer_email";
                    default -> "query syntax";
                });
                text.append(text.isEmpty() ? "" : "&").append(switch (kind) {
                    case 0 -> "status=" + Gen.elements("completed", "failed", "pending", "authorized", "refunded",
                            "partially_refunded", "canceled", "COMPLETED", "succeeded", "", "completed,failed",
                            "%00", HostilePaths.encode(HostileText.SHORT.next(random))).next(random);
                    case 1 -> Gen.elements("created_from", "created_to").next(random) + "=" + Gen.elements(
                            "2026-03-01T00:00:00Z", "2026-03-01", "2026-03-01T12:00:00%2B02:00", "2026-02-30",
                            "2026-03-01T12:00:00", "yesterday", "0", "-1", "1970-01-01T00:00:00Z", "0001-01-01",
                            "%2B10000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-13-01", "")
                            .next(random);
                    case 2 -> "payment_method=" + Gen.elements("card", "bank_transfer", "apple_pay", "google_pay",
                            "CARD", "cash", "", "card%00").next(random);
                    case 3 -> "session_id=" + Gen.elements(own.sessionId(), strangers.sessionId(), "sess_short",
                            "sess_" + "A".repeat(24), "", HostilePaths.encode(HostileText.ANY.next(random)))
                            .next(random);
                    case 4 -> Gen.elements("metadata%5Border_id%5D", "metadata[order_id]", "metadata%5B%5D", "metadata",
                            "metadata%5B" + "k".repeat(41) + "%5D", "metadata%5Ba%23b%5D",
                            "metadata%5B" + HostilePaths.encode(HostileText.SHORT.next(random)) + "%5D").next(random)
                            + "=" + Gen.elements("ORDER-123", "", "x".repeat(501), "%E2%82%AC".repeat(200),
                            HostilePaths.encode(HostileText.ANY.next(random))).next(random);
                    case 5 -> "cursor=" + transactionCursor(own, strangers, random);
                    case 6 -> "limit=" + Gen.elements("1", "0", "100", "101", "-1", "x").next(random);
                    case 7 -> "card_last4=" + Gen.elements("4242", "0002", "3220", "424", "42424", "", "42a2",
                            "%EF%BC%94%EF%BC%92%EF%BC%94%EF%BC%92", "4242%00", "-424", "%204242",
                            HostilePaths.encode(HostileText.SHORT.next(random))).next(random);
                    case 8 -> "customer_email=" + Gen.elements("fuzz%40example.com", "FUZZ%40Example.COM",
                            "john%40example.com", "no-at-sign", "%40", "a%40", "", "a%40" + "b".repeat(260) + ".c",
                            "%E2%82%AC%40%E2%82%AC.example", "a%23b%40c.example", "a%40b.example%00",
                            HostilePaths.encode(HostileText.ANY.next(random))).next(random);
                    default -> Gen.elements("&&&", "=", "status", "status[]=completed", "metadata[a]=1&metadata[b]=2",
                            "card_last4=4242&customer_email=a%40b.example", "card_last4=4242&card_last4=0002",
                            "%zz=1", "metadata[order_id]=1&session_id=" + own.sessionId()).next(random);
                });
            }
            return new Query(String.join("+", kinds), text.toString());
        };
    }

    /**
     * GET /api/hosted-payment's status and page parameters, valid or hostile (unknown statuses, the
     * transaction list's spelling "canceled", cases, lists), with the caller's genuine session cursor,
     * another status's use of it, a tampered one, another merchant's, or another list's.
     */
    static Gen<Query> sessionQueries(MerchantObjects own, MerchantObjects strangers) {
        return random -> {
            StringBuilder text = new StringBuilder();
            java.util.List<String> kinds = new java.util.ArrayList<>();
            int parts = 1 + random.nextInt(3);
            for (int i = 0; i < parts; i++) {
                int kind = random.nextInt(4);
                kinds.add(switch (kind) {
                    case 0 -> "status";
                    case 1 -> "cursor";
                    case 2 -> "limit";
                    default -> "query syntax";
                });
                text.append(text.isEmpty() ? "" : "&").append(switch (kind) {
                    case 0 -> "status=" + Gen.elements("pending", "completed", "cancelled", "expired", "canceled",
                            "PENDING", "paid", "", "pending,expired", "%00",
                            HostilePaths.encode(HostileText.SHORT.next(random))).next(random);
                    case 1 -> "cursor=" + sessionCursor(own, strangers, random);
                    case 2 -> "limit=" + Gen.elements("1", "0", "100", "101", "-1", "x").next(random);
                    default -> Gen.elements("&&&", "=", "status", "status[]=pending", "status=pending&status=expired",
                            "%zz=1").next(random);
                });
            }
            return new Query(String.join("+", kinds), text.toString());
        };
    }

    private static String sessionCursor(MerchantObjects own, MerchantObjects strangers, Random random) {
        String genuine = own.sessionCursor();
        return switch (random.nextInt(7)) {
            case 0, 1 -> HostilePaths.encode(genuine);
            case 2 -> HostilePaths.encode(strangers.sessionCursor());
            case 3 -> HostilePaths.encode(flip(genuine, random));
            case 4 -> HostilePaths.encode(genuine.substring(0, random.nextInt(genuine.length())));
            case 5 -> HostilePaths.encode(retamperedJson(genuine, random));
            default -> HostilePaths.encode(own.transactionCursor()); // the transaction list's cursor is not this list's
        };
    }

    /**
     * The event list's transaction_id: the caller's own payments, another merchant's (an empty list, as
     * for an unknown id), ids of the wrong shape and hostile text.
     */
    private static String transactionId(MerchantObjects own, MerchantObjects strangers, Random random) {
        return Gen.elements(own.completedTransactionId(), own.pendingTransactionId(),
                strangers.completedTransactionId(), strangers.pendingTransactionId(), "txn_" + "A".repeat(24),
                "txn_short", "TXN_" + "A".repeat(24), own.eventId(), own.sessionId(), "",
                own.completedTransactionId() + "%00", own.completedTransactionId() + "&transaction_id=" + "txn_"
                + "B".repeat(24), HostilePaths.encode(HostileText.ANY.next(random))).next(random);
    }

    private static String transactionCursor(MerchantObjects own, MerchantObjects strangers, Random random) {
        String genuine = own.transactionCursor();
        return switch (random.nextInt(7)) {
            case 0, 1 -> HostilePaths.encode(genuine);
            case 2 -> HostilePaths.encode(strangers.transactionCursor());
            case 3 -> HostilePaths.encode(flip(genuine, random));
            case 4 -> HostilePaths.encode(genuine.substring(0, random.nextInt(genuine.length())));
            case 5 -> HostilePaths.encode(retamperedJson(genuine, random));
            default -> HostilePaths.encode(own.cursor()); // the event list's cursor is not this list's
        };
    }

    /** The genuine transaction cursor decoded (JSON), one value changed, encoded again. */
    private static String retamperedJson(String genuine, Random random) {
        String json = new String(Base64.getUrlDecoder().decode(genuine), StandardCharsets.UTF_8);
        String tampered = switch (random.nextInt(7)) {
            case 0 -> json.replaceFirst("\"shards\":\\[", "\"shards\":[\"start\",");
            case 1 -> json.replaceFirst("\\d{4}-\\d{2}-\\d{2}T", "0000-99-99T");
            // quoted: the hostile text may hold a dollar sign or end in a backslash, which a replacement reads as syntax
            case 2 -> json.replaceFirst("txn_[0-9A-Za-z]+",
                    Matcher.quoteReplacement(HostileText.SHORT.next(random).replace("\"", "")));
            case 3 -> json.replace("\"start\"", "\"done\"");
            case 4 -> json.replaceFirst("\"filter\":\"[^\"]*\"", "\"filter\":\"\"");
            case 5 -> json.replaceFirst("\\d{4}-", "9999-");
            default -> json.substring(0, json.length() / 2);
        };
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes(StandardCharsets.UTF_8));
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
