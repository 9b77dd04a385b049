package com.circoflows.adapters.dynamodb;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The next_cursor of GET /api/direct-payment (and, in its per-shard form, of GET /api/hosted-payment,
 * whose positions name a session id where a transaction id stands here; the filter digest keeps
 * either list from taking the other's cursor): base64url JSON holding the merchant and mode it was made
 * for, a digest of the filter (a cursor continues only the listing it came from: another filter would
 * hand DynamoDB a start key outside its key condition, which it rejects), and either one position per
 * shard (index listings) or the last search entry read (session and metadata listings). Anything that
 * does not decode to exactly that is the list's 400 on {@code cursor}, never a call to DynamoDB.
 */
final class TransactionListCursor {
    private static final int VERSION = 1;
    private static final Pattern TRANSACTION_ID = Pattern.compile("^[0-9A-Za-z_]{1,64}$");
    private static final String START = "start";
    private static final String DONE = "done";

    private TransactionListCursor() {
    }

    /** The decoded cursor of an index listing: one position per shard. */
    record Shards(List<ShardPosition> positions) {
    }

    /** The decoded cursor of a search-entry listing: the sort key of the last entry read. */
    record After(String sortKey) {
    }

    static String encodeShards(String merchantId, Mode mode, String filter, List<ShardPosition> positions) {
        List<Object> shards = new ArrayList<>();
        for (ShardPosition position : positions) {
            shards.add(position.isDone() ? DONE : position.isStart() ? START
                    : List.of(position.createdAt(), position.transactionId()));
        }
        Map<String, Object> cursor = scope(merchantId, mode, filter);
        cursor.put("shards", shards);
        return encode(cursor);
    }

    static String encodeAfter(String merchantId, Mode mode, String filter, String sortKey) {
        Map<String, Object> cursor = scope(merchantId, mode, filter);
        cursor.put("after", sortKey);
        return encode(cursor);
    }

    static Shards decodeShards(String cursor, String merchantId, Mode mode, String filter) {
        return decodeShards(cursor, merchantId, mode, filter, TransactionListKeys.SHARDS);
    }

    /** The same for a listing over {@code shardCount} keys (the card and email searches read eight). */
    static Shards decodeShards(String cursor, String merchantId, Mode mode, String filter, int shardCount) {
        Object shards = decode(cursor, merchantId, mode, filter).get("shards");
        if (!(shards instanceof List<?> list) || list.size() != shardCount) {
            throw PageCursors.invalid();
        }
        List<ShardPosition> positions = new ArrayList<>();
        for (Object shard : list) {
            if (START.equals(shard)) {
                positions.add(ShardPosition.START);
            } else if (DONE.equals(shard)) {
                positions.add(ShardPosition.DONE);
            } else if (shard instanceof List<?> at && at.size() == 2 && at.get(0) instanceof String createdAt
                    && at.get(1) instanceof String transactionId && Attributes.isTime(createdAt)
                    && TRANSACTION_ID.matcher(transactionId).matches()) {
                positions.add(ShardPosition.after(createdAt, transactionId));
            } else {
                throw PageCursors.invalid();
            }
        }
        if (positions.stream().allMatch(ShardPosition::isDone)) {
            throw PageCursors.invalid(); // a finished listing answers next_cursor null, never this
        }
        return new Shards(positions);
    }

    static After decodeAfter(String cursor, String merchantId, Mode mode, String filter) {
        Object after = decode(cursor, merchantId, mode, filter).get("after");
        if (!(after instanceof String sortKey) || !isSortKey(sortKey)) {
            throw PageCursors.invalid();
        }
        return new After(sortKey);
    }

    /** {@code <created_at>#<transaction_id>}, as TransactionSearchEntries writes it. */
    static boolean isSortKey(String sortKey) {
        int hash = sortKey.indexOf('#');
        return hash > 0 && Attributes.isTime(sortKey.substring(0, hash))
                && TRANSACTION_ID.matcher(sortKey.substring(hash + 1)).matches();
    }

    /** A short digest of the filter's canonical text: the cursor need not carry metadata values. */
    static String filterDigest(String canonicalFilter) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalFilter.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Map<String, Object> scope(String merchantId, Mode mode, String filter) {
        Map<String, Object> cursor = new LinkedHashMap<>();
        cursor.put("v", VERSION);
        cursor.put("merchant", merchantId);
        cursor.put("mode", mode.wireName());
        cursor.put("filter", filter);
        return cursor;
    }

    private static String encode(Map<String, Object> cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(cursor).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> decode(String cursor, String merchantId, Mode mode, String filter) {
        Map<String, Object> decoded;
        try {
            decoded = Json.readMap(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException notOurs) {
            // Not base64, not JSON, or JSON that is not an object: a cursor nobody was given.
            throw PageCursors.invalid();
        }
        if (decoded == null || !Integer.valueOf(VERSION).equals(number(decoded.get("v")))
                || !merchantId.equals(decoded.get("merchant")) || !mode.wireName().equals(decoded.get("mode"))
                || !filter.equals(decoded.get("filter"))) {
            throw PageCursors.invalid();
        }
        return decoded;
    }

    private static Integer number(Object value) {
        return value instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : null;
    }
}
