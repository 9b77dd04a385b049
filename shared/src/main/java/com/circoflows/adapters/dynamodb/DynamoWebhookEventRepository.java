package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventRepository;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

public final class DynamoWebhookEventRepository implements WebhookEventRepository {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoWebhookEventRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<WebhookEvent> find(String eventId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(Map.of("event_id", s(eventId))).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(WebhookEventItems.fromItem(item));
    }
}
