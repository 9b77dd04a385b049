package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EventListCursorTest {
    private static final String MERCHANT = "mch_cursorOwner0000000001";
    private static final String EVENT = "evt_AbCdEfGhIjKlMnOpQrStUvWx";

    private static final Map<String, AttributeValue> LAST_KEY = Map.of(
            "merchant_id", AttributeValue.fromS(MERCHANT),
            "created_at", Attributes.time(Instant.parse("2030-01-02T03:04:05.678Z")),
            "event_id", AttributeValue.fromS(EVENT));

    @Test
    void cursorOfAPageNamesItsLastEventForItsMerchant() {
        assertEquals(LAST_KEY, EventListCursor.decode(EventListCursor.encode(LAST_KEY), MERCHANT));
    }

    @Test
    void cursorEditedToAnEmptyOrOddPositionIsABadCursorNotAServerError() {
        for (String position : new String[] {"||", "|2030-01-02T03:04:05.678Z|", "||" + EVENT,
                "|not a time|" + EVENT, "|" + "9".repeat(2000) + "|" + EVENT, "|2030-01-02T03:04:05.678Z|evt_x",
                "|2030-01-02T03:04:05.678Z|" + "e".repeat(5000), "|2030-01-02T03:04:05Z|" + EVENT,
                "|2030-01-02T03:04:05.678Z|" + EVENT + "|extra"}) {
            String forged = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((MERCHANT + position).getBytes(StandardCharsets.UTF_8));

            ApiException refused = assertThrows(ApiException.class, () -> EventListCursor.decode(forged, MERCHANT),
                    position);

            assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
            assertEquals("cursor", refused.param());
        }
    }

    @Test
    void cursorOfAnotherMerchantOrNotBase64IsABadCursor() {
        for (String cursor : new String[] {EventListCursor.encode(LAST_KEY), "!!!", "", "%%%"}) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> EventListCursor.decode(cursor, "mch_someoneElse0000000001"), cursor);

            assertEquals("cursor", refused.param());
        }
    }
}
