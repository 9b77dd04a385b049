package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.idempotency.IdempotencyStore;
import com.circoflows.domain.idempotency.StoredResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency records, one item per (merchant, mode, key) hash. Every state change is a conditional
 * write, so of two first requests racing for a key exactly one holds it. expires_at (epoch seconds)
 * is the table's TTL attribute; since TTL deletes lazily, an item past it counts as absent.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    private static final String IN_PROGRESS = "in_progress";
    private static final String COMPLETED = "completed";
    /** A claim that loses the race to a record deleted right after reading it tries again, once. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoIdempotencyStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Claim claim(String recordKey, String fingerprint, String lockToken, Instant now, Instant lockedUntil,
            Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("record_key", s(recordKey));
        item.put("state", s(IN_PROGRESS));
        item.put("fingerprint", s(fingerprint));
        item.put("lock_token", s(lockToken));
        item.put("locked_until", n(lockedUntil.toEpochMilli()));
        item.put("created_at", Attributes.time(now));
        item.put("expires_at", n(expiresAt.getEpochSecond()));
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            boolean taken = DynamoCalls.call("PutItem", () -> {
                try {
                    dynamoDb.putItem(put -> put.tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(record_key) OR expires_at <= :now_s"
                                    + " OR (#state = :in_progress AND locked_until <= :now_ms AND fingerprint = :fp)")
                            .expressionAttributeNames(Map.of("#state", "state"))
                            .expressionAttributeValues(Map.of(
                                    ":now_s", n(now.getEpochSecond()),
                                    ":now_ms", n(now.toEpochMilli()),
                                    ":in_progress", s(IN_PROGRESS),
                                    ":fp", s(fingerprint))));
                    return true;
                } catch (ConditionalCheckFailedException held) {
                    return false;
                }
            });
            if (taken) {
                return new Acquired();
            }
            Map<String, AttributeValue> existing = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                    .tableName(table).consistentRead(true).key(Map.of("record_key", s(recordKey))))).item();
            if (existing != null && !existing.isEmpty()) {
                return toExisting(existing);
            }
        }
        throw new IllegalStateException("idempotency record kept changing under its claim");
    }

    @Override
    public boolean complete(String recordKey, String lockToken, StoredResponse response) {
        Map<String, AttributeValue> headers = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> headers.put(name, s(value)));
        return DynamoCalls.call("UpdateItem", () -> {
            try {
                dynamoDb.updateItem(update -> update.tableName(table)
                        .key(Map.of("record_key", s(recordKey)))
                        .updateExpression("SET #state = :completed, response_status = :status,"
                                + " response_headers = :headers, response_body = :body REMOVE locked_until")
                        .conditionExpression("#state = :in_progress AND lock_token = :token")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(
                                ":completed", s(COMPLETED),
                                ":in_progress", s(IN_PROGRESS),
                                ":token", s(lockToken),
                                ":status", n(response.status()),
                                ":headers", AttributeValue.fromM(headers),
                                ":body", s(response.body() == null ? "" : response.body()))));
                return true;
            } catch (ConditionalCheckFailedException notOurs) {
                return false;
            }
        });
    }

    @Override
    public void release(String recordKey, String lockToken) {
        DynamoCalls.call("DeleteItem", () -> {
            try {
                dynamoDb.deleteItem(delete -> delete.tableName(table)
                        .key(Map.of("record_key", s(recordKey)))
                        .conditionExpression("lock_token = :token")
                        .expressionAttributeValues(Map.of(":token", s(lockToken))));
            } catch (ConditionalCheckFailedException notOurs) {
                // Taken over after our lock ran out: the record is someone else's now.
            }
            return null;
        });
    }

    private static Existing toExisting(Map<String, AttributeValue> item) {
        String fingerprint = Attributes.string(item, "fingerprint");
        if (!COMPLETED.equals(Attributes.string(item, "state"))) {
            return new Existing(fingerprint, null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        AttributeValue saved = item.get("response_headers");
        if (saved != null && saved.hasM()) {
            saved.m().forEach((name, value) -> headers.put(name, value.s()));
        }
        return new Existing(fingerprint, new StoredResponse((int) Attributes.number(item, "response_status"),
                headers, Attributes.string(item, "response_body")));
    }
}
