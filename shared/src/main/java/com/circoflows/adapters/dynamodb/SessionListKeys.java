package com.circoflows.adapters.dynamodb;

import com.circoflows.domain.merchant.Mode;

/**
 * The partition key of the session list index on the payment sessions table: a merchant's sessions of
 * one mode spread over {@link #SHARDS} keys by the same hash as transactions (CRC-32 of the id), so one
 * busy merchant's index writes land on four partitions instead of one hot one.
 */
final class SessionListKeys {
    /** Changing this moves every session to another key: it needs a new index and a full backfill. */
    static final int SHARDS = TransactionListKeys.SHARDS;
    static final String LIST_KEY = "list_key";
    /** (list_key, created_at): every session of a merchant and mode. */
    static final String BY_LIST_KEY_CREATED = "by_list_key_created";

    private SessionListKeys() {
    }

    static String listKey(String merchantId, Mode mode, String sessionId) {
        return listKey(merchantId, mode, TransactionListKeys.shard(sessionId));
    }

    static String listKey(String merchantId, Mode mode, int shard) {
        return merchantId + "#" + mode.wireName() + "#" + shard;
    }
}
