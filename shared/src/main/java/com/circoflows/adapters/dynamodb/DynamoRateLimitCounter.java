package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.ratelimit.RateLimitBuckets;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * One atomic ADD per request; the table's TTL removes old windows. A rate-limit bucket's increment
 * returns the whole (small) item, so its revocation mark, if any, comes back with the count.
 */
public final class DynamoRateLimitCounter implements RateLimitBuckets {
    private static final String COUNT = "ADD request_count :one SET expires_at = if_not_exists(expires_at, :expires)";
    private static final String REVOKED = "subject_revoked";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoRateLimitCounter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public long incrementAndGet(String bucket, Instant expiresAt) {
        return count(bucket, expiresAt, ReturnValue.UPDATED_NEW).count();
    }

    @Override
    public Increment increment(String bucket, Instant expiresAt) {
        return count(bucket, expiresAt, ReturnValue.ALL_NEW);
    }

    private Increment count(String bucket, Instant expiresAt, ReturnValue returned) {
        var response = DynamoCalls.call("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(Map.of("bucket", s(bucket)))
                .updateExpression(COUNT)
                .expressionAttributeValues(Map.of(":one", n(1), ":expires", n(expiresAt.getEpochSecond())))
                .returnValues(returned)));
        Map<String, AttributeValue> item = response.attributes();
        return new Increment(Long.parseLong(item.get("request_count").n()),
                item.containsKey(REVOKED) && Boolean.TRUE.equals(item.get(REVOKED).bool()));
    }

    @Override
    public void markRevoked(String bucket, Instant expiresAt) {
        DynamoCalls.call("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(Map.of("bucket", s(bucket)))
                .updateExpression("SET " + REVOKED + " = :revoked, expires_at = if_not_exists(expires_at, :expires)")
                .expressionAttributeValues(Map.of(":revoked", AttributeValue.fromBool(true),
                        ":expires", n(expiresAt.getEpochSecond())))));
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
