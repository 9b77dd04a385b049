package com.circoflows.adapters.dynamodb;

/**
 * Where a list page left one shard: not read yet, after a given item, or done (nothing more in it
 * for this filter).
 */
record ShardPosition(String createdAt, String transactionId, boolean isDone) {
    static final ShardPosition START = new ShardPosition(null, null, false);
    static final ShardPosition DONE = new ShardPosition(null, null, true);

    static ShardPosition after(String createdAt, String transactionId) {
        return new ShardPosition(createdAt, transactionId, false);
    }

    boolean isStart() {
        return !isDone && createdAt == null;
    }
}
