package com.circoflows.adapters.dynamodb;

import com.circoflows.domain.error.RetryableFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Items of one table by key, read consistently (a table allows it, unlike an index), at most
 * {@link #MAX_KEYS} per call; keys DynamoDB leaves unprocessed (throttling) are asked for again a few
 * times before the read fails as retryable.
 */
final class ConsistentBatchGet {
    /** BatchGetItem's own ceiling on keys per call. */
    static final int MAX_KEYS = 100;
    private static final int ROUNDS = 5;

    private ConsistentBatchGet() {
    }

    /** The items found (in no particular order); a key naming no item is simply absent. */
    static List<Map<String, AttributeValue>> read(DynamoDbClient dynamoDb, String table,
            List<Map<String, AttributeValue>> keys) {
        if (keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("at most " + MAX_KEYS + " keys per call, got " + keys.size());
        }
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        if (keys.isEmpty()) {
            return found;
        }
        Map<String, KeysAndAttributes> request = Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int round = 0; !request.isEmpty(); round++) {
            if (round == ROUNDS) {
                throw new RetryableFailure("DynamoDB BatchGetItem left keys unprocessed " + ROUNDS + " times", null);
            }
            Map<String, KeysAndAttributes> asked = request;
            BatchGetItemResponse response = DynamoCalls.call("BatchGetItem",
                    () -> dynamoDb.batchGetItem(get -> get.requestItems(asked)));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return found;
    }
}
