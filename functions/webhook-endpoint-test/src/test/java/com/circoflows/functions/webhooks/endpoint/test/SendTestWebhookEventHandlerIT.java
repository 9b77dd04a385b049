package com.circoflows.functions.webhooks.endpoint.test;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withBody;
import static com.circoflows.testsupport.SampleEvents.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.circoflows.testsupport.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SendTestWebhookEventHandler as Lambda runs it, fed events/webhook-endpoint-test/*.json; the job it
 * queues is delivered by the delivery function's own wiring to a real receiver.
 */
@ExtendWith(HandlerStackExtension.class)
class SendTestWebhookEventHandlerIT {
    private static final String FUNCTION = "SendTestWebhookEventFunction";

    private static HandlerStack stack;
    private static SendTestWebhookEventHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, SendTestWebhookEventHandler.class,
                SendTestWebhookEventHandler::new);
    }

    @Test
    void sendEventStoresAWebhookTestEventAndItsJobDeliversItSignedToTheEndpoint() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            NewMerchant merchant = stack.merchants().newMerchant("Testing Endpoint Merchant");
            String secret = stack.webhooks().setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks")).value();
            APIGatewayV2HTTPEvent event = event("webhook-endpoint-test/send.json");
            assertEquals("POST", event.getRequestContext().getHttp().getMethod());
            assertNull(event.getBody(), "the test takes no body");

            APIGatewayV2HTTPResponse response = invoke(withApiKey(event, merchant.apiKey()));

            assertEquals(202, response.getStatusCode(), response.getBody());
            assertEquals("1000", response.getHeaders().get("x-ratelimit-limit"));
            JsonNode body = json(response);
            assertEquals("Test event queued", body.get("message").asText());
            JsonNode data = body.get("data");
            String eventId = data.get("event_id").asText();
            assertEquals("webhook.test", data.get("type").asText());
            assertTrue(data.get("transaction_id").isNull(), response.getBody());
            assertEquals("pending", data.get("delivery_status").asText());
            assertEquals(0, data.get("attempt_count").asInt());
            assertTrue(data.get("webhook_queued").asBoolean());
            StoredWebhookEvent stored = stack.webhooks().storedWebhookEvent(eventId);
            assertEquals(WebhookEventType.WEBHOOK_TEST, stored.event().type());
            assertEquals(merchant.merchantId(), stored.event().merchantId());
            assertEquals(Mode.TEST, stored.event().mode());

            assertTrue(stack.webhooks().deliverJob(eventId).getBatchItemFailures().isEmpty(), "the queued job delivers it");

            WebhookReceiver.Received delivery = receiver.awaitReceived(1, Duration.ofSeconds(10)).get(0);
            assertEquals("/hooks", delivery.path());
            assertEquals(eventId, delivery.header("webhook-id"));
            assertEquals(hmacHex(secret, delivery.body()), delivery.header("X-Webhook-Signature"),
                    "signed like every event");
            JsonNode payload = SampleEventsJson.read(delivery.body());
            assertEquals(eventId, payload.get("id").asText());
            assertEquals("webhook.test", payload.get("type").asText());
            assertTrue(payload.get("data").get("test").asBoolean(), delivery.body());
            assertFalse(payload.get("data").get("livemode").asBoolean());
            assertFalse(payload.get("data").has("transaction_id"), "about no payment");
            StoredWebhookEvent delivered = stack.webhooks().storedWebhookEvent(eventId);
            assertEquals(DeliveryStatus.DELIVERED, delivered.delivery().status());
            assertEquals(List.of(receiver.url("/hooks")),
                    delivered.delivery().attempts().stream().map(a -> a.url()).toList());
        }
    }

    @Test
    void anIdempotencyKeyRetrySendsNoSecondEvent() {
        NewMerchant merchant = stack.merchants().newMerchant("Retrying Test Merchant");
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), "http://127.0.0.1:9/hooks");
        String key = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse first = invoke(withHeader(withApiKey(event("webhook-endpoint-test/send.json"),
                merchant.apiKey()), "idempotency-key", key));
        APIGatewayV2HTTPResponse retry = invoke(withHeader(withApiKey(event("webhook-endpoint-test/send.json"),
                merchant.apiKey()), "idempotency-key", key));

        assertEquals(202, first.getStatusCode(), first.getBody());
        assertEquals(first.getBody(), retry.getBody());
        assertEquals(json(first).get("data").get("event_id"), json(retry).get("data").get("event_id"));
    }

    @Test
    void withoutAnEndpointUrlItIsA409AndNothingIsStored() {
        NewMerchant merchant = stack.merchants().newMerchant("No Endpoint Merchant");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("webhook-endpoint-test/send.json"),
                merchant.apiKey()));

        assertEquals(409, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("webhook_endpoint_not_set", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
    }

    @Test
    void anEndpointDisabledByA410IsA409UntilItsUrlIsSetAgain() {
        NewMerchant merchant = stack.merchants().newMerchant("Gone Endpoint Merchant");
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), "http://127.0.0.1:9/gone");
        stack.webhooks().webhookEndpoints().disable(merchant.merchantId(), "410 Gone from http://127.0.0.1:9/gone");

        APIGatewayV2HTTPResponse disabled = invoke(withApiKey(event("webhook-endpoint-test/send.json"),
                merchant.apiKey()));
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), "http://127.0.0.1:9/back");
        APIGatewayV2HTTPResponse enabled = invoke(withApiKey(event("webhook-endpoint-test/send.json"),
                merchant.apiKey()));

        assertEquals(409, disabled.getStatusCode(), disabled.getBody());
        assertEquals("webhook_endpoint_disabled", json(disabled).get("error").get("code").asText());
        assertEquals(202, enabled.getStatusCode(), enabled.getBody());
    }

    @Test
    void typedEventIsRefusedNamingTheType() {
        NewMerchant merchant = stack.merchants().newMerchant("Typed Test Merchant");
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), "http://127.0.0.1:9/hooks");
        APIGatewayV2HTTPEvent event = event("webhook-endpoint-test/typed.json");
        assertTrue(event.getBody().contains("payment.succeeded"), event.getBody());

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event, merchant.apiKey()));

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("type", error.get("param").asText());
    }

    @Test
    void anEmptyJsonBodyIsTheSameAsNone() {
        NewMerchant merchant = stack.merchants().newMerchant("Empty Body Test Merchant");
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), "http://127.0.0.1:9/hooks");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(withBody(event("webhook-endpoint-test/send.json"), "{}",
                false), merchant.apiKey()));

        assertEquals(202, response.getStatusCode(), response.getBody());
    }

    @Test
    void aLiveKeyIsRefusedAsForEveryEndpointChange() {
        NewMerchant merchant = stack.merchants().newMerchant("Live Test Merchant");
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), "http://127.0.0.1:9/hooks");
        String liveKey = stack.merchants().issueKey(merchant.merchantId(), Mode.LIVE).fullKey();

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("webhook-endpoint-test/send.json"), liveKey));

        assertEquals(403, response.getStatusCode(), response.getBody());
        assertEquals("live_mode_not_enabled", json(response).get("error").get("code").asText());
    }

    private static String hmacHex(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }

    /** The delivery's JSON body. */
    private static final class SampleEventsJson {
        static JsonNode read(String body) throws Exception {
            return com.circoflows.testsupport.SampleEvents.mapper().readTree(body);
        }
    }
}
