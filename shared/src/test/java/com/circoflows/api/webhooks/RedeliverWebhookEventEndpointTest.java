package com.circoflows.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.DeliveryState;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.WebhookRedelivery;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.InMemoryWebhookEventRepository;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.RecordingWebhookJobQueue;
import com.circoflows.testing.Responses;
import com.circoflows.testing.TestClocks;
import com.circoflows.testing.WebhookTestEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedeliverWebhookEventEndpointTest {
    private static final String MERCHANT = PaymentWorld.MERCHANT_A.merchantId();

    private final InMemoryWebhookEventRepository events = new InMemoryWebhookEventRepository();
    private final RecordingWebhookJobQueue queue = new RecordingWebhookJobQueue();
    private final RedeliverWebhookEventEndpoint endpoint =
            new RedeliverWebhookEventEndpoint(new WebhookRedelivery(events, queue));

    @Test
    void countsAgainstTheWebhookLimit() {
        assertEquals(RateLimitClass.WEBHOOKS, endpoint.rateLimitClass());
    }

    @Test
    void failedEventIsQueuedAgainWith202AndItsSummary() {
        WebhookEvent event = failedEvent();

        ApiResponse response = redeliver(event.eventId());

        assertEquals(202, response.statusCode());
        assertEquals("Redelivery queued", Responses.body(response).get("message"));
        Map<String, Object> data = Responses.data(response);
        assertEquals(event.eventId(), data.get("event_id"));
        assertEquals("pending", data.get("delivery_status"));
        assertEquals(1, data.get("attempt_count"));
        assertEquals(List.of(event.eventId()), queue.enqueued().stream().map(WebhookEvent::eventId).toList());
    }

    @Test
    void otherMerchantsAndMalformedIdsAreNotFound() {
        WebhookEvent event = failedEvent();

        for (String id : new String[] {"evt_000000000000000000000000", "evt_nope"}) {
            ApiResponse response = redeliver(id);
            assertEquals(404, response.statusCode(), id);
            assertEquals("event_not_found", Responses.error(response).get("code"));
        }
        ApiResponse theirs = WebhookApiCalls.respond(() -> endpoint.handle(request(event.eventId()),
                PaymentWorld.MERCHANT_B));
        assertEquals(404, theirs.statusCode());
        assertEquals(0, queue.attempts());
    }

    @Test
    void bodyThatIsNotEmptyIsRefusedAsByTheOtherParameterlessEndpointsAndNothingIsQueued() {
        WebhookEvent event = failedEvent();

        for (String body : new String[] {"{\"force\":true}", "not json", "[]", "{\"a\":"}) {
            ApiResponse response = WebhookApiCalls.respond(() -> endpoint.handle(
                    ApiRequests.post("/api/webhook-events/" + event.eventId() + "/redeliver", body)
                            .pathParam("event_id", event.eventId()).build(), PaymentWorld.MERCHANT_A));

            assertEquals(400, response.statusCode(), body);
            assertEquals("invalid_request", Responses.error(response).get("code"), body);
        }
        assertEquals(0, queue.attempts());
        assertEquals(202, WebhookApiCalls.respond(() -> endpoint.handle(
                ApiRequests.post("/api/webhook-events/" + event.eventId() + "/redeliver", " {} ")
                        .pathParam("event_id", event.eventId()).build(), PaymentWorld.MERCHANT_A)).statusCode());
    }

    @Test
    void queueOutageIsARetryableFailureForThePipelineToAnswer503() {
        WebhookEvent event = failedEvent();
        queue.failWith(new RetryableFailure("SQS SendMessage failed: SdkClientException", null));

        assertThrows(RetryableFailure.class, () -> endpoint.handle(request(event.eventId()), PaymentWorld.MERCHANT_A));
    }

    private WebhookEvent failedEvent() {
        WebhookEvent event = WebhookTestEvents.pending(MERCHANT, TestClocks.NOW.minusSeconds(3600));
        events.add(event);
        DeliveryAttempt attempt = new DeliveryAttempt(1, TestClocks.NOW, "https://hooks.acme.example/in", 500, null,
                12, null);
        events.recordAttempt(event.eventId(), attempt,
                new DeliveryState(DeliveryStatus.RETRYING, List.of(), null, null, "http_500"));
        events.markFailed(event.eventId(), TestClocks.NOW, "retries_exhausted");
        return event;
    }

    private ApiResponse redeliver(String eventId) {
        return WebhookApiCalls.respond(() -> endpoint.handle(request(eventId), PaymentWorld.MERCHANT_A));
    }

    private static com.circoflows.api.ApiRequest request(String eventId) {
        return ApiRequests.post("/api/webhook-events/" + eventId + "/redeliver", null)
                .pathParam("event_id", eventId).build();
    }
}
