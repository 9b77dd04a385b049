package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.merchant.MerchantRepository;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

public final class DynamoMerchantRepository implements MerchantRepository {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoMerchantRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(Merchant merchant, WebhookSecret webhookSecret) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("merchant_id", s(merchant.merchantId()));
        item.put("name", s(merchant.name()));
        item.put("created_at", time(merchant.createdAt()));
        // The attribute DynamoWebhookEndpointRepository reads and rotates.
        item.put("webhook_secret", s(webhookSecret.value()));
        DynamoCalls.call("PutItem", () -> dynamoDb.putItem(put -> put.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(merchant_id)")));
    }

    @Override
    public Optional<Merchant> find(String merchantId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(Map.of("merchant_id", s(merchantId))))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Merchant(string(item, "merchant_id"), string(item, "name"), time(item, "created_at")));
    }
}
