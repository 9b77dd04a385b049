package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The transaction search table: one entry per (merchant, mode, session) and per (merchant, mode,
 * metadata pair) a transaction has, sorted by created_at then transaction id. Session and metadata
 * never change after a payment is created, so the entries are written once, in the same
 * TransactWriteItems as the transaction's insert, and never updated. This replaces a GSI per search
 * field (CloudFormation adds one GSI per table per stack update) and a FilterExpression over the list
 * index (which reads every transaction of the merchant to find a few).
 */
final class TransactionSearchEntries {
    static final String SEARCH_KEY = "search_key";
    static final String SORT_KEY = "sort_key";
    /**
     * A partition key holds at most 2048 bytes; a metadata value may be 500 characters of up to 4
     * bytes each. Values longer than this are keyed by their SHA-256 instead; the list checks the
     * fetched transaction's metadata anyway, so a (vanishingly unlikely) clash shows nothing wrong.
     */
    private static final int MAX_LITERAL_VALUE_BYTES = 1000;

    private TransactionSearchEntries() {
    }

    /** The conditional puts of a new transaction's entries: none for a payment without session or metadata. */
    static List<TransactWriteItem> puts(String searchTable, Transaction t) {
        List<TransactWriteItem> puts = new ArrayList<>();
        for (Map<String, AttributeValue> entry : entries(t)) {
            puts.add(TransactWriteItem.builder().put(Put.builder().tableName(searchTable).item(entry).build()).build());
        }
        return puts;
    }

    /** Every entry of {@code t}; writing one again writes the same item (the backfill relies on it). */
    static List<Map<String, AttributeValue>> entries(Transaction t) {
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        String sortKey = sortKey(t.createdAt(), t.transactionId());
        if (t.sessionId() != null) {
            entries.add(entry(sessionKey(t.merchantId(), t.mode(), t.sessionId()), sortKey, t.transactionId()));
        }
        for (Map.Entry<String, Object> pair : t.metadata().entrySet()) {
            entries.add(entry(metadataKey(t.merchantId(), t.mode(), pair.getKey(), String.valueOf(pair.getValue())),
                    sortKey, t.transactionId()));
        }
        return entries;
    }

    static String sessionKey(String merchantId, Mode mode, String sessionId) {
        return merchantId + "#" + mode.wireName() + "#session#" + sessionId;
    }

    /**
     * {@code <merchant>#<mode>#meta#<key>#<value>}. A '#' (and so '%') in the key is escaped, so the
     * key ends at the first unescaped '#' and key "a#b" value "c" never meets key "a" value "b#c".
     */
    static String metadataKey(String merchantId, Mode mode, String key, String value) {
        String escapedKey = key.replace("%", "%25").replace("#", "%23");
        return merchantId + "#" + mode.wireName() + "#meta#" + escapedKey + "#" + valuePart(value);
    }

    static String sortKey(Instant createdAt, String transactionId) {
        return Attributes.time(createdAt).s() + "#" + transactionId;
    }

    private static String valuePart(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_LITERAL_VALUE_BYTES) {
            return value;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Map<String, AttributeValue> entry(String searchKey, String sortKey, String transactionId) {
        return Map.of(SEARCH_KEY, s(searchKey), SORT_KEY, s(sortKey), "transaction_id", s(transactionId));
    }
}
