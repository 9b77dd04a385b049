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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Idempotency records, one item per (merchant, mode, key) hash. Every state change is a conditional
 * write, so of two first requests racing for a key exactly one holds it, and a takeover after a crash
 * keeps the reserved_id of the object the crashed request was creating. expires_at (epoch seconds)
 * is the table's TTL attribute; since TTL deletes lazily, an item past it counts as absent.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    private static final String IN_PROGRESS = "in_progress";
    private static final String COMPLETED = "completed";
    private static final String RESERVED_ID = "reserved_id";
    /** A claim that loses the race to a record deleted right after reading it tries again, once. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoIdempotencyStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Claim claim(String recordKey, String fingerprint, String lockToken, String reservedId, Instant now,
            Instant lockedUntil, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("record_key", s(recordKey));
        item.put("state", s(IN_PROGRESS));
        item.put("fingerprint", s(fingerprint));
        item.put("lock_token", s(lockToken));
        item.put("locked_until", n(lockedUntil.toEpochMilli()));
        item.put(RESERVED_ID, s(reservedId));
        item.put("created_at", Attributes.time(now));
        item.put("expires_at", n(expiresAt.getEpochSecond()));
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            if (createFresh(item, now)) {
                return new Acquired(reservedId);
            }
            Acquired takenOver = takeOverCrashed(recordKey, fingerprint, lockToken, reservedId, now, lockedUntil);
            if (takenOver != null) {
                return takenOver;
            }
            Map<String, AttributeValue> existing = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                    .tableName(table).consistentRead(true).key(Map.of("record_key", s(recordKey))))).item();
            if (existing != null && !existing.isEmpty()) {
                return toExisting(existing);
            }
        }
        throw new IllegalStateException("idempotency record kept changing under its claim");
    }

    /** A first request for the key, or the first since its record expired: a record of its own. */
    private boolean createFresh(Map<String, AttributeValue> item, Instant now) {
        return DynamoCalls.conditionally("PutItem", () -> dynamoDb.putItem(put -> put.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(record_key) OR expires_at <= :now_s")
                .expressionAttributeValues(Map.of(":now_s", n(now.getEpochSecond())))));
    }

    /**
     * The same request again after the first one's lock ran out: it died, so this one holds the record
     * now, with the id the first one reserved (records written before ids were reserved get this one's).
     * Null when the record is not such a record.
     */
    private Acquired takeOverCrashed(String recordKey, String fingerprint, String lockToken, String reservedId,
            Instant now, Instant lockedUntil) {
        return DynamoCalls.call("UpdateItem", () -> {
            try {
                Map<String, AttributeValue> taken = dynamoDb.updateItem(update -> update.tableName(table)
                        .key(Map.of("record_key", s(recordKey)))
                        .updateExpression("SET lock_token = :token, locked_until = :until,"
                                + " #reserved = if_not_exists(#reserved, :reserved)")
                        .conditionExpression("#state = :in_progress AND locked_until <= :now_ms"
                                + " AND fingerprint = :fp AND expires_at > :now_s")
                        .expressionAttributeNames(Map.of("#state", "state", "#reserved", RESERVED_ID))
                        .expressionAttributeValues(Map.of(
                                ":token", s(lockToken),
                                ":until", n(lockedUntil.toEpochMilli()),
                                ":reserved", s(reservedId),
                                ":in_progress", s(IN_PROGRESS),
                                ":now_ms", n(now.toEpochMilli()),
                                ":fp", s(fingerprint),
                                ":now_s", n(now.getEpochSecond())))
                        .returnValues(ReturnValue.ALL_NEW)).attributes();
                return new Acquired(Attributes.string(taken, RESERVED_ID));
            } catch (ConditionalCheckFailedException notCrashed) {
                return null;
            }
        });
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
        DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update.tableName(table)
                .key(Map.of("record_key", s(recordKey)))
                .updateExpression("SET locked_until = :unlocked")
                .conditionExpression("#state = :in_progress AND lock_token = :token")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(
                        ":unlocked", n(0),
                        ":in_progress", s(IN_PROGRESS),
                        ":token", s(lockToken)))));
        // A refused condition means the record was taken over after our lock ran out: it is someone else's.
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
