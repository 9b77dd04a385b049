package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.webhook.WebhookEvents;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The next_cursor of a merchant's event list: the last event shown (merchant, created_at, event id).
 * It only works for the merchant it was made for, and only names a position such a page can end at:
 * a cursor edited by hand is refused as not valid, never handed to DynamoDB, which fails on an empty
 * or oversized key part.
 */
final class EventListCursor {
    private EventListCursor() {
    }

    static String encode(Map<String, AttributeValue> lastKey) {
        return PageCursors.encode(lastKey.get("merchant_id").s(), lastKey.get("created_at").s(),
                lastKey.get("event_id").s());
    }

    /** The ExclusiveStartKey the cursor names, or a 400 naming {@code cursor}. */
    static Map<String, AttributeValue> decode(String cursor, String merchantId) {
        String[] parts = PageCursors.decode(cursor, 3, merchantId);
        if (!Attributes.isTime(parts[1]) || !WebhookEvents.isEventId(parts[2])) {
            throw PageCursors.invalid();
        }
        return Map.of("merchant_id", s(parts[0]), "created_at", s(parts[1]), "event_id", s(parts[2]));
    }
}
