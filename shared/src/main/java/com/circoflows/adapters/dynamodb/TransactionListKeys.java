package com.circoflows.adapters.dynamodb;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.TransactionStatus;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The partition keys of the two list indexes on the transactions table. A merchant's transactions of
 * one mode are spread over {@link #SHARDS} keys by a hash of the transaction id, so one busy merchant's
 * index writes land on four partitions instead of one hot one; a page reads all four and merges them.
 */
final class TransactionListKeys {
    /** Changing this moves every transaction to another key: it needs a full re-backfill first. */
    static final int SHARDS = 4;
    static final String LIST_KEY = "list_key";
    static final String STATUS_KEY = "status_key";
    /** (list_key, created_at): every transaction of a merchant and mode. */
    static final String BY_LIST_KEY_CREATED = "by_list_key_created";
    /** (status_key, created_at): those of one status. */
    static final String BY_STATUS_KEY_CREATED = "by_status_key_created";

    private TransactionListKeys() {
    }

    /**
     * The transaction's shard: CRC-32 of its id, which is the same in every JVM and release (unlike
     * String.hashCode, which is only specified, not promised to stay, and which we must never change).
     */
    static int shard(String transactionId) {
        return shard(transactionId, SHARDS);
    }

    /** The same hash over another number of shards (the card and email search entries use eight). */
    static int shard(String id, int shards) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    static String listKey(String merchantId, Mode mode, int shard) {
        return merchantId + "#" + mode.wireName() + "#" + shard;
    }

    static String statusKey(String merchantId, Mode mode, TransactionStatus status, int shard) {
        return merchantId + "#" + mode.wireName() + "#" + status.wireName() + "#" + shard;
    }
}
