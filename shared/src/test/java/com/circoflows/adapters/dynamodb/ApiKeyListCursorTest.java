package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ApiKeyListCursorTest {
    private static final String MERCHANT = "mch_cursorOwner0000000001";
    private static final String LOOKUP_ID = "AbCdEfGhIjKlMnOp";
    private static final String CREATED = "2030-01-02T03:04:05.678Z";

    private static final Map<String, AttributeValue> LAST_ITEM = Map.of(
            "merchant_id", AttributeValue.fromS(MERCHANT),
            "mode", AttributeValue.fromS("test"),
            "created_at", Attributes.time(Instant.parse(CREATED)),
            "key_id", AttributeValue.fromS(LOOKUP_ID),
            "secret_hash", AttributeValue.fromS("$2a$10$notPartOfTheCursor"));

    @Test
    void cursorOfAPageNamesItsLastKeyForItsMerchant() {
        assertEquals(Map.of("merchant_id", AttributeValue.fromS(MERCHANT),
                        "created_at", AttributeValue.fromS(CREATED), "key_id", AttributeValue.fromS(LOOKUP_ID)),
                ApiKeyListCursor.decode(ApiKeyListCursor.encode(LAST_ITEM), MERCHANT, Mode.TEST));
    }

    @Test
    void cursorEditedToAnEmptyOrOddPositionIsABadCursorNotAServerError() {
        for (String position : new String[] {"||", "|" + CREATED + "|", "||" + LOOKUP_ID, "|not a time|" + LOOKUP_ID,
                "|" + "9".repeat(2000) + "|" + LOOKUP_ID, "|" + CREATED + "|short", "|" + CREATED + "|"
                        + "k".repeat(5000), "|" + CREATED + "|" + LOOKUP_ID + "|extra"}) {
            String forged = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((MERCHANT + "|test" + position).getBytes(StandardCharsets.UTF_8));

            ApiException refused = assertThrows(ApiException.class,
                    () -> ApiKeyListCursor.decode(forged, MERCHANT, Mode.TEST), position);

            assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
            assertEquals("cursor", refused.param());
        }
    }

    @Test
    void cursorOfAnotherMerchantOrModeIsABadCursor() {
        String cursor = ApiKeyListCursor.encode(LAST_ITEM);

        assertEquals("cursor", assertThrows(ApiException.class,
                () -> ApiKeyListCursor.decode(cursor, "mch_someoneElse0000000001", Mode.TEST)).param());
        assertEquals("cursor", assertThrows(ApiException.class,
                () -> ApiKeyListCursor.decode(cursor, MERCHANT, Mode.LIVE)).param());
    }
}
