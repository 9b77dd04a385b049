package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.CustomerEmails;
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
 * The transaction search table: one entry per (merchant, mode, session), per (merchant, mode,
 * metadata pair), per (merchant, mode, card last4) and per (merchant, mode, customer email) a
 * transaction has, sorted by created_at then transaction id. None of these change after a payment is
 * created, so the entries are written once, in the same TransactWriteItems as the transaction's
 * insert, and never updated. A session has a payment or two and a metadata pair is the merchant's
 * choice, so each of those is one key; a card's last four digits and an email are shared by many
 * payments (test mode's 4242 by nearly all, a placeholder email by all of a merchant's guests), so
 * their entries are spread over {@link #SPREAD_SHARDS} keys by the transaction id and a search reads
 * and merges them all, as the list reads its shards: one busy merchant's payments with one card
 * number put an eighth of their entry writes on each key. This replaces a GSI per search
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
    /** Keys per card last4 or email; changing it needs new key names and a full backfill. */
    static final int SPREAD_SHARDS = 8;

    private TransactionSearchEntries() {
    }

    /** The puts of a new transaction's entries: its card's last4, its email if any, its session and metadata. */
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
        int spreadShard = TransactionListKeys.shard(t.transactionId(), SPREAD_SHARDS);
        if (t.card() != null && t.card().last4() != null) {
            entries.add(entry(cardLast4Key(t.merchantId(), t.mode(), t.card().last4(), spreadShard), sortKey,
                    t.transactionId()));
        }
        String email = CustomerEmails.of(t);
        if (email != null) {
            entries.add(entry(customerEmailKey(t.merchantId(), t.mode(), email, spreadShard), sortKey,
                    t.transactionId()));
        }
        return entries;
    }

    /** {@code <merchant>#<mode>#last4#<shard>#<last4>}. */
    static String cardLast4Key(String merchantId, Mode mode, String last4, int shard) {
        return merchantId + "#" + mode.wireName() + "#last4#" + shard + "#" + last4;
    }

    /**
     * {@code <merchant>#<mode>#email#<shard>#<email>}, the email {@link CustomerEmails#normalized}; it is
     * the key's last part, so a '#' in it needs no escaping. Personal data, as customer_info on the
     * transaction is, under the same table key; the merchant and mode in front keep it to its owner.
     */
    static String customerEmailKey(String merchantId, Mode mode, String normalizedEmail, int shard) {
        return merchantId + "#" + mode.wireName() + "#email#" + shard + "#" + valuePart(normalizedEmail);
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
