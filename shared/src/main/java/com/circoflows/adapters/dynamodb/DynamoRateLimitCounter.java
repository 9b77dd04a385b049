package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.ratelimit.RateLimitCounter;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** One atomic ADD per request; the table's TTL removes old windows. */
public final class DynamoRateLimitCounter implements RateLimitCounter {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoRateLimitCounter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public long incrementAndGet(String bucket, Instant expiresAt) {
        var response = DynamoCalls.call("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(Map.of("bucket", s(bucket)))
                .updateExpression("ADD request_count :one SET expires_at = if_not_exists(expires_at, :expires)")
                .expressionAttributeValues(Map.of(":one", n(1), ":expires", n(expiresAt.getEpochSecond())))
                .returnValues(ReturnValue.UPDATED_NEW)));
        return Long.parseLong(response.attributes().get("request_count").n());
    }

    @Override
    public void giveBack(String bucket) {
        // Refused by its condition when there is nothing to give back: the bucket expired, or is at zero.
        DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(Map.of("bucket", s(bucket)))
                .updateExpression("ADD request_count :minusOne")
                .conditionExpression("request_count > :zero")
                .expressionAttributeValues(Map.of(":minusOne", n(-1), ":zero", n(0)))));
    }

    @Override
    public long current(String bucket) {
        var item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table)
                .key(Map.of("bucket", s(bucket)))
                .projectionExpression("request_count"))).item();
        return item == null || !item.containsKey("request_count") ? 0 : Long.parseLong(item.get("request_count").n());
    }
}
