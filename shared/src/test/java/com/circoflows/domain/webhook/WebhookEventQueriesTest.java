package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
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

    private WebhookEvent stored(String merchantId, int secondsAgo) {
        WebhookEvent event = WebhookTestEvents.pending(merchantId, TestClocks.NOW.minusSeconds(secondsAgo));
        events.add(event);
        return event;
    }
}
