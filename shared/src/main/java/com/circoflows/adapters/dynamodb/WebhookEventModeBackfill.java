package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;

import com.circoflows.json.Json;
import com.circoflows.domain.merchant.Mode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Gives the webhook events stored before events carried their mode the attributes the list index is
 * keyed by ({@code mode}, {@code merchant_mode}), taking the mode from the event's own data
 * ({@code livemode} of its transaction). Until then such an event is found by id but not listed.
 * Safe to run again and while the API runs: it only touches events that still lack
 * {@code merchant_mode}, each with one conditional UpdateItem. Run by {@code bin/admin backfill-event-modes}.
 */
public final class WebhookEventModeBackfill {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public WebhookEventModeBackfill(DynamoDbClient dynamoDb, String webhookEventsTable) {
        this.dynamoDb = dynamoDb;
        this.table = webhookEventsTable;
    }

    /** @return how many events it gave their mode */
    public int run() {
        int updated = 0;
        var pages = dynamoDb.scanPaginator(scan -> scan
                .tableName(table)
                .filterExpression("attribute_not_exists(" + WebhookEventItems.MERCHANT_MODE + ")")
                .projectionExpression("event_id, merchant_id, #mode, #data")
                .expressionAttributeNames(Map.of("#mode", "mode", "#data", "data")));
        for (Map<String, AttributeValue> item : pages.items()) {
            if (giveMode(item)) {
                updated++;
            }
        }
        return updated;
    }

    private boolean giveMode(Map<String, AttributeValue> item) {
        String merchantId = string(item, "merchant_id");
        Mode mode = WebhookEventItems.modeOf(item, Json.readMap(string(item, "data")));
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(Map.of("event_id", item.get("event_id")))
                .updateExpression("SET #mode = :mode, " + WebhookEventItems.MERCHANT_MODE + " = :scope")
                .conditionExpression("attribute_exists(event_id) AND attribute_not_exists("
                        + WebhookEventItems.MERCHANT_MODE + ")")
                .expressionAttributeNames(Map.of("#mode", "mode"))
                .expressionAttributeValues(Map.of(":mode", s(mode.wireName()),
                        ":scope", s(WebhookEventItems.merchantMode(merchantId, mode))))));
    }
}
