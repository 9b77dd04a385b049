package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.merchant.ApiKeyPage;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.ManagedApiKeys;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * API keys by lookup id, and by merchant (index by_merchant: merchant_id + created_at). Holds a
 * hash of the secret, never the secret. Keys written before name, last_used_at and revoked_at
 * existed simply lack those attributes.
 */
public final class DynamoApiKeyRepository implements ManagedApiKeys {
    static final String BY_MERCHANT = "by_merchant";
    /** Two revocations of the same merchant's keys at the same instant: DynamoDB cancels one; try it again. */
    private static final int TRANSACTION_ATTEMPTS = 4;
    private static final String ACTIVE = ApiKeyStatus.ACTIVE.wireName();

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoApiKeyRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(StoredApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("key_id", s(key.keyId()));
        item.put("merchant_id", s(key.merchantId()));
        item.put("mode", s(key.mode().wireName()));
        item.put("secret_hash", s(key.secretHash()));
        item.put("display_prefix", s(key.displayPrefix()));
        Attributes.putIfPresent(item, "name", key.name());
        item.put("status", s(key.status().wireName()));
        item.put("created_at", time(key.createdAt()));
        if (key.lastUsedAt() != null) {
            item.put("last_used_at", time(key.lastUsedAt()));
        }
        if (key.revokedAt() != null) {
            item.put("revoked_at", time(key.revokedAt()));
        }
        DynamoCalls.call("PutItem", () -> dynamoDb.putItem(put -> put.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(key_id)")));
    }

    @Override
    public Optional<StoredApiKey> find(String keyId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(key(keyId)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** With {@link #replaceSecretHash}, the only writes the authenticating functions make to this table. */
    @Override
    public void recordUse(String keyId, Instant at) {
        DynamoCalls.call("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(keyId))
                .updateExpression("SET last_used_at = :at")
                .conditionExpression("attribute_exists(key_id)")
                .expressionAttributeValues(Map.of(":at", time(at)))));
    }

    @Override
    public boolean replaceSecretHash(String keyId, String expectedHash, String newHash) {
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(keyId))
                .updateExpression("SET secret_hash = :new")
                .conditionExpression("secret_hash = :expected")
                .expressionAttributeValues(Map.of(":new", s(newHash), ":expected", s(expectedHash)))));
    }

    @Override
    public ApiKeyPage list(String merchantId, Mode mode, int limit, String cursor) {
        Map<String, AttributeValue> startKey = cursor == null ? null : ApiKeyListCursor.decode(cursor, merchantId, mode);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        // The index holds both modes and DynamoDB filters after its Limit, so read on until one more than
        // asked is found (it tells whether another page exists) or the index ends.
        do {
            QueryResponse response = queryMerchant(merchantId, startKey, query -> query
                    .filterExpression("#mode = :mode")
                    .expressionAttributeNames(Map.of("#mode", "mode"))
                    .expressionAttributeValues(Map.of(":merchant", s(merchantId), ":mode", s(mode.wireName())))
                    .scanIndexForward(false)
                    .limit(limit + 1));
            items.addAll(response.items());
            startKey = nextPageKey(response);
        } while (items.size() <= limit && startKey != null);
        List<StoredApiKey> keys = items.stream().limit(limit).map(DynamoApiKeyRepository::fromItem).toList();
        String next = items.size() > limit ? ApiKeyListCursor.encode(items.get(limit - 1)) : null;
        return new ApiKeyPage(keys, next);
    }

    @Override
    public List<String> activeKeyIds(String merchantId, Mode mode) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse response = queryMerchant(merchantId, startKey, query -> query
                    .filterExpression("#mode = :mode AND #status = :active")
                    .expressionAttributeNames(Map.of("#mode", "mode", "#status", "status"))
                    .expressionAttributeValues(Map.of(":merchant", s(merchantId), ":mode", s(mode.wireName()),
                            ":active", s(ACTIVE)))
                    .projectionExpression("key_id"));
            response.items().forEach(item -> ids.add(string(item, "key_id")));
            startKey = nextPageKey(response);
        } while (startKey != null);
        return ids;
    }

    @Override
    public Revocation revoke(StoredApiKey key, Instant at, String whileActive) {
        String update = "SET #status = :revoked, revoked_at = :at";
        String onlyIfActive = "#status = :active";
        Map<String, String> names = Map.of("#status", "status");
        Map<String, AttributeValue> values = Map.of(":revoked", s(ApiKeyStatus.REVOKED.wireName()),
                ":active", s(ACTIVE), ":at", time(at));
        if (whileActive == null) {
            return DynamoCalls.call("UpdateItem", () -> {
                try {
                    dynamoDb.updateItem(revocation -> revocation.tableName(table).key(key(key.keyId()))
                            .updateExpression(update).conditionExpression(onlyIfActive)
                            .expressionAttributeNames(names).expressionAttributeValues(values));
                    return Revocation.REVOKED;
                } catch (ConditionalCheckFailedException e) {
                    return Revocation.KEY_NOT_ACTIVE;
                }
            });
        }
        Update revocation = Update.builder().tableName(table).key(key(key.keyId())).updateExpression(update)
                .conditionExpression(onlyIfActive).expressionAttributeNames(names).expressionAttributeValues(values)
                .build();
        return revokeBeside(revocation, key, whileActive);
    }

    /**
     * The revocation and a check that the other key is active, in one transaction. DynamoDB runs
     * transactions on the same items one after the other, so of two revocations racing for a
     * merchant's last two keys, the second sees the first's key revoked and writes nothing.
     */
    private Revocation revokeBeside(Update revocation, StoredApiKey key, String otherKeyId) {
        ConditionCheck otherStillActive = ConditionCheck.builder()
                .tableName(table)
                .key(key(otherKeyId))
                .conditionExpression("#status = :active AND merchant_id = :merchant AND #mode = :mode")
                .expressionAttributeNames(Map.of("#status", "status", "#mode", "mode"))
                .expressionAttributeValues(Map.of(":active", s(ACTIVE), ":merchant", s(key.merchantId()),
                        ":mode", s(key.mode().wireName())))
                .build();
        List<TransactWriteItem> writes = List.of(TransactWriteItem.builder().update(revocation).build(),
                TransactWriteItem.builder().conditionCheck(otherStillActive).build());
        for (int attempt = 1; attempt < TRANSACTION_ATTEMPTS; attempt++) {
            Optional<Revocation> outcome = DynamoCalls.call("TransactWriteItems", () -> transact(writes));
            if (outcome.isPresent()) {
                return outcome.get();
            }
            pauseBeforeRetry(attempt);
        }
        return DynamoCalls.call("TransactWriteItems", () -> transact(writes)).orElseThrow(() ->
                new RetryableFailure("DynamoDB TransactWriteItems kept conflicting with other revocations", null));
    }

    /** Empty when DynamoDB cancelled the transaction for a concurrent one on the same keys: nothing was written. */
    private Optional<Revocation> transact(List<TransactWriteItem> writes) {
        try {
            dynamoDb.transactWriteItems(transaction -> transaction.transactItems(writes));
            return Optional.of(Revocation.REVOKED);
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (conditionFailed(reasons, 0)) {
                return Optional.of(Revocation.KEY_NOT_ACTIVE);
            }
            if (conditionFailed(reasons, 1)) {
                return Optional.of(Revocation.OTHER_KEY_NOT_ACTIVE);
            }
            return Optional.empty();
        }
    }

    private static boolean conditionFailed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 30L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while retrying a revocation", e);
        }
    }

    private QueryResponse queryMerchant(String merchantId, Map<String, AttributeValue> startKey,
            Consumer<QueryRequest.Builder> rest) {
        return DynamoCalls.call("Query", () -> dynamoDb.query(query -> {
            query.tableName(table).indexName(BY_MERCHANT).keyConditionExpression("merchant_id = :merchant")
                    .exclusiveStartKey(startKey);
            rest.accept(query);
        }));
    }

    private static Map<String, AttributeValue> nextPageKey(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey() : null;
    }

    private static StoredApiKey fromItem(Map<String, AttributeValue> item) {
        return new StoredApiKey(
                string(item, "key_id"),
                string(item, "merchant_id"),
                Mode.fromWireName(string(item, "mode")),
                string(item, "secret_hash"),
                string(item, "display_prefix"),
                string(item, "name"),
                ApiKeyStatus.fromWireName(string(item, "status")),
                time(item, "created_at"),
                time(item, "last_used_at"),
                time(item, "revoked_at"));
    }

    private static Map<String, AttributeValue> key(String keyId) {
        return Map.of("key_id", s(keyId));
    }
}
