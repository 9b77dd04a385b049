package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.merchant.ApiKeyRepository;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** API keys by lookup id. Holds the bcrypt hash of the secret, never the secret. */
public final class DynamoApiKeyRepository implements ApiKeyRepository {
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
        item.put("status", s(key.status().wireName()));
        item.put("created_at", time(key.createdAt()));
        DynamoCalls.call("PutItem", () -> dynamoDb.putItem(put -> put.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(key_id)")));
    }

    @Override
    public Optional<StoredApiKey> find(String keyId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(Map.of("key_id", s(keyId))))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredApiKey(
                string(item, "key_id"),
                string(item, "merchant_id"),
                Mode.fromWireName(string(item, "mode")),
                string(item, "secret_hash"),
                string(item, "display_prefix"),
                ApiKeyStatus.fromWireName(string(item, "status")),
                time(item, "created_at")));
    }
}
