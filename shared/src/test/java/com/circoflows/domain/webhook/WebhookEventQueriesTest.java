package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.testing.InMemoryWebhookEventRepository;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestClocks;
import com.circoflows.testing.WebhookTestEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEventQueriesTest {
    private final InMemoryWebhookEventRepository events = new InMemoryWebhookEventRepository();
    private final WebhookEventQueries queries = new WebhookEventQueries(events);

    @Test
    void merchantSeesOnlyItsOwnEventsNewestFirst() {
        WebhookEvent older = stored(PaymentWorld.MERCHANT_A.merchantId(), 10);
        stored(PaymentWorld.MERCHANT_B.merchantId(), 5);
        WebhookEvent newer = stored(PaymentWorld.MERCHANT_A.merchantId(), 1);

        WebhookEventPage page = queries.list(PaymentWorld.MERCHANT_A, 20, null);

        assertEquals(List.of(newer.eventId(), older.eventId()),
                page.events().stream().map(s -> s.event().eventId()).toList());
        assertNull(page.nextCursor());
    }

    @Test
    void oneEventWithItsDeliveryForItsMerchantOnly() {
        WebhookEvent event = stored(PaymentWorld.MERCHANT_A.merchantId(), 1);

        assertEquals(event.eventId(), queries.get(PaymentWorld.MERCHANT_A, event.eventId()).event().eventId());
        ApiException e = assertThrows(ApiException.class, () -> queries.get(PaymentWorld.MERCHANT_B, event.eventId()));
        assertEquals(ErrorCode.EVENT_NOT_FOUND, e.code());
    }

    /** Merchant A's live key: the same merchant, the other mode. */
    private static final AuthenticatedKey LIVE_KEY_OF_A =
            new AuthenticatedKey("LiveKeyOfMerchantA", PaymentWorld.MERCHANT_A.merchantId(), Mode.LIVE);

    @Test
    void aKeyOfTheOtherModeNeitherListsNorFindsTheEvent() {
        WebhookEvent testEvent = stored(PaymentWorld.MERCHANT_A.merchantId(), 2);
        WebhookEvent liveEvent = WebhookTestEvents.pending(PaymentWorld.MERCHANT_A.merchantId(), Mode.LIVE,
                TestClocks.NOW.minusSeconds(1), null);
        events.add(liveEvent);

        assertEquals(List.of(liveEvent.eventId()), queries.list(LIVE_KEY_OF_A, 20, null).events().stream()
                .map(s -> s.event().eventId()).toList());
        assertEquals(List.of(testEvent.eventId()), queries.list(PaymentWorld.MERCHANT_A, 20, null).events().stream()
                .map(s -> s.event().eventId()).toList());
        ApiException live = assertThrows(ApiException.class, () -> queries.get(LIVE_KEY_OF_A, testEvent.eventId()));
        ApiException test = assertThrows(ApiException.class,
                () -> queries.get(PaymentWorld.MERCHANT_A, liveEvent.eventId()));
        assertEquals(ErrorCode.EVENT_NOT_FOUND, live.code());
        assertEquals(ErrorCode.EVENT_NOT_FOUND, test.code());
        assertTrue(queries.list(new AuthenticatedKey("LiveKeyOfMerchantB", PaymentWorld.MERCHANT_B.merchantId(),
                Mode.LIVE), 20, null).events().isEmpty());
    }

    private WebhookEvent stored(String merchantId, int secondsAgo) {
        WebhookEvent event = WebhookTestEvents.pending(merchantId, TestClocks.NOW.minusSeconds(secondsAgo));
        events.add(event);
        return event;
    }
}
