package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.webhook.WebhookEvents;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The next_cursor of a merchant's event list: the last event shown (merchant, mode, created_at, event
 * id). It only works for the merchant and mode it was made for, and only names a position such a page
 * can end at: a cursor edited by hand is refused as not valid, never handed to DynamoDB, which fails on
 * an empty or oversized key part. A page of one transaction's events has a cursor of its own, which
 * also names the transaction; neither kind works in the other list.
 */
final class EventListCursor {
    private EventListCursor() {
    }

    static String encode(Map<String, AttributeValue> lastKey) {
        String merchantId = lastKey.get("merchant_id").s();
        String merchantMode = lastKey.get(WebhookEventItems.MERCHANT_MODE).s();
        return PageCursors.encode(merchantId, merchantMode.substring(merchantId.length() + 1),
                lastKey.get("created_at").s(), lastKey.get("event_id").s());
    }

    /** The ExclusiveStartKey the cursor names, or a 400 naming {@code cursor}. */
    static Map<String, AttributeValue> decode(String cursor, String merchantId, Mode mode) {
        String[] parts = PageCursors.decode(cursor, 4, merchantId, mode.wireName());
        if (!Attributes.isTime(parts[2]) || !WebhookEvents.isEventId(parts[3])) {
            throw PageCursors.invalid();
        }
        return Map.of(WebhookEventItems.MERCHANT_MODE, s(WebhookEventItems.merchantMode(merchantId, mode)),
                "created_at", s(parts[2]), "event_id", s(parts[3]));
    }

    /** The next_cursor of one transaction's events: merchant, mode, transaction id, created_at, event id. */
    static String encodeForTransaction(Map<String, AttributeValue> lastKey, String merchantId, Mode mode) {
        return PageCursors.encode(merchantId, mode.wireName(), lastKey.get("transaction_id").s(),
                lastKey.get("created_at").s(), lastKey.get("event_id").s());
    }

    /** The ExclusiveStartKey (of the by-transaction index) the cursor names, or a 400 naming {@code cursor}. */
    static Map<String, AttributeValue> decodeForTransaction(String cursor, String merchantId, Mode mode,
            String transactionId) {
        String[] parts = PageCursors.decode(cursor, 5, merchantId, mode.wireName(), transactionId);
        if (!Attributes.isTime(parts[3]) || !WebhookEvents.isEventId(parts[4])) {
            throw PageCursors.invalid();
        }
        return Map.of("transaction_id", s(transactionId), "created_at", s(parts[3]), "event_id", s(parts[4]));
    }
}
