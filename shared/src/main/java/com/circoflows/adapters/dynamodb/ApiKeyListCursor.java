package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.merchant.ApiKeyFormat;
import com.circoflows.domain.merchant.Mode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The next_cursor of a merchant's key list: the last key shown (merchant, mode, created_at, key id).
 * It only works for the merchant and mode it was made for; a position no page could end at is refused
 * as not valid rather than handed to DynamoDB, which fails on an empty or oversized key part.
 */
final class ApiKeyListCursor {
    private ApiKeyListCursor() {
    }

    static String encode(Map<String, AttributeValue> last) {
        return PageCursors.encode(last.get("merchant_id").s(), last.get("mode").s(), last.get("created_at").s(),
                last.get("key_id").s());
    }

    /** The ExclusiveStartKey the cursor names, or a 400 naming {@code cursor}. */
    static Map<String, AttributeValue> decode(String cursor, String merchantId, Mode mode) {
        String[] parts = PageCursors.decode(cursor, 4, merchantId, mode.wireName());
        if (!Attributes.isTime(parts[2]) || !ApiKeyFormat.isLookupId(parts[3])) {
            throw PageCursors.invalid();
        }
        return Map.of("merchant_id", s(parts[0]), "created_at", s(parts[2]), "key_id", s(parts[3]));
    }
}
