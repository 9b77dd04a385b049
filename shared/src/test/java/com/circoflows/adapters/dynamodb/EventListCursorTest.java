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

class EventListCursorTest {
    private static final String MERCHANT = "mch_cursorOwner0000000001";
    private static final String EVENT = "evt_AbCdEfGhIjKlMnOpQrStUvWx";

    private static final Map<String, AttributeValue> LAST_ITEM = Map.of(
            "merchant_id", AttributeValue.fromS(MERCHANT),
            "merchant_mode", AttributeValue.fromS(MERCHANT + "#test"),
            "created_at", Attributes.time(Instant.parse("2030-01-02T03:04:05.678Z")),
            "event_id", AttributeValue.fromS(EVENT));
    /** The index's key (merchant_mode, created_at) and the table's (event_id). */
    private static final Map<String, AttributeValue> START_KEY = Map.of(
            "merchant_mode", AttributeValue.fromS(MERCHANT + "#test"),
            "created_at", Attributes.time(Instant.parse("2030-01-02T03:04:05.678Z")),
            "event_id", AttributeValue.fromS(EVENT));

    @Test
    void cursorOfAPageNamesItsLastEventForItsMerchantAndMode() {
        assertEquals(START_KEY, EventListCursor.decode(EventListCursor.encode(LAST_ITEM), MERCHANT, Mode.TEST));
    }

    @Test
    void cursorOfTheOtherModeIsABadCursor() {
        ApiException refused = assertThrows(ApiException.class,
                () -> EventListCursor.decode(EventListCursor.encode(LAST_ITEM), MERCHANT, Mode.LIVE));

        assertEquals("cursor", refused.param());
    }

    @Test
    void cursorEditedToAnEmptyOrOddPositionIsABadCursorNotAServerError() {
        for (String position : new String[] {"||", "|2030-01-02T03:04:05.678Z|", "||" + EVENT,
                "|not a time|" + EVENT, "|" + "9".repeat(2000) + "|" + EVENT, "|2030-01-02T03:04:05.678Z|evt_x",
                "|2030-01-02T03:04:05.678Z|" + "e".repeat(5000), "|2030-01-02T03:04:05Z|" + EVENT,
                "|2030-01-02T03:04:05.678Z|" + EVENT + "|extra"}) {
            String forged = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((MERCHANT + "|test" + position).getBytes(StandardCharsets.UTF_8));

            ApiException refused = assertThrows(ApiException.class, () -> EventListCursor.decode(forged, MERCHANT, Mode.TEST),
                    position);

            assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
            assertEquals("cursor", refused.param());
        }
    }

    @Test
    void cursorOfAnotherMerchantOrNotBase64IsABadCursor() {
        for (String cursor : new String[] {EventListCursor.encode(LAST_ITEM), "!!!", "", "%%%"}) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> EventListCursor.decode(cursor, "mch_someoneElse0000000001", Mode.TEST), cursor);

            assertEquals("cursor", refused.param());
        }
    }
}
