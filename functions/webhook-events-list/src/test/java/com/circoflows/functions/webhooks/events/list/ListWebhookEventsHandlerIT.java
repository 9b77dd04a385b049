package com.circoflows.functions.webhooks.events.list;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ListWebhookEventsHandler as Lambda runs it, fed events/webhook-events-list/*.json. */
@ExtendWith(HandlerStackExtension.class)
class ListWebhookEventsHandlerIT {
    private static final String FUNCTION = "ListWebhookEventsFunction";

    private static HandlerStack stack;
    private static ListWebhookEventsHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, ListWebhookEventsHandler.class, ListWebhookEventsHandler::new);
    }

    @Test
    void firstPageEventShowsTheNewestTwoEventsAndACursorToTheRest() {
        NewMerchant merchant = stack.merchants().newMerchant("Three Payments Merchant");
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), SampleEvents.LOCAL_WEBHOOK_URL);
        CreatedPayment succeeded = stack.payments().pay("direct-payment-create/success.json", merchant.apiKey());
        CreatedPayment failed = stack.payments().pay("direct-payment-create/declined.json", merchant.apiKey());
        CreatedPayment pending = stack.payments().pay("direct-payment-create/three-d-secure.json", merchant.apiKey());
        APIGatewayV2HTTPEvent event = event("webhook-events-list/first-page.json");
        assertEquals("limit=2", event.getRawQueryString());
        assertEquals(Map.of("limit", "2"), event.getQueryStringParameters());

        APIGatewayV2HTTPResponse first = invoke(withApiKey(event, merchant.apiKey()));

        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals("application/json", first.getHeaders().get("content-type"));
        assertEquals("1000", first.getHeaders().get("x-ratelimit-limit"));
        JsonNode data = json(first).get("data");
        JsonNode events = data.get("events");
        assertEquals(2, events.size(), first.getBody());
        assertEvent(events.get(0), pending, "payment.pending");
        assertEvent(events.get(1), failed, "payment.failed");
        assertTrue(data.get("has_more").asBoolean());
        String cursor = data.get("next_cursor").asText();
        assertFalse(cursor.isBlank());

        APIGatewayV2HTTPResponse second = invoke(withApiKey(withQuery(event("webhook-events-list/first-page.json"),
                Map.of("limit", "2", "cursor", cursor)), merchant.apiKey()));

        assertEquals(200, second.getStatusCode(), second.getBody());
        JsonNode rest = json(second).get("data");
        assertEquals(1, rest.get("events").size(), second.getBody());
        assertEvent(rest.get("events").get(0), succeeded, "payment.succeeded");
        assertFalse(rest.get("has_more").asBoolean());
        assertTrue(rest.get("next_cursor").isNull(), second.getBody());
    }

    @Test
    void aFullLastPageSaysThereIsNothingMore() {
        NewMerchant merchant = stack.merchants().newMerchant("Two Payments Merchant");
        stack.payments().pay("direct-payment-create/success.json", merchant.apiKey());
        stack.payments().pay("direct-payment-create/success.json", merchant.apiKey());

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("webhook-events-list/first-page.json"),
                merchant.apiKey()));

        JsonNode data = json(response).get("data");
        assertEquals(2, data.get("events").size(), response.getBody());
        assertFalse(data.get("has_more").asBoolean(), "no cursor to an empty page");
        assertTrue(data.get("next_cursor").isNull());
    }

    @Test
    void withoutALimitUpToTwentyEventsAreShownNewestFirst() {
        NewMerchant merchant = stack.merchants().newMerchant("Default Limit Merchant");
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            paid.add(0, stack.payments().pay("direct-payment-create/success.json", merchant.apiKey()).transactionId());
        }

        APIGatewayV2HTTPResponse response = invoke(withApiKey(
                withQuery(event("webhook-events-list/first-page.json"), Map.of()), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        List<String> shown = new ArrayList<>();
        data.get("events").forEach(e -> shown.add(e.get("transaction_id").asText()));
        assertEquals(paid, shown, "newest first");
        assertFalse(data.get("has_more").asBoolean());
        assertTrue(data.get("next_cursor").isNull());
    }

    @Test
    void aMerchantSeesOnlyItsOwnEvents() {
        NewMerchant mine = stack.merchants().newMerchant("Own Events Merchant");
        NewMerchant other = stack.merchants().newMerchant("Other Events Merchant");
        CreatedPayment own = stack.payments().pay("direct-payment-create/success.json", mine.apiKey());
        stack.payments().pay("direct-payment-create/success.json", other.apiKey());

        APIGatewayV2HTTPResponse response = invoke(withApiKey(
                withQuery(event("webhook-events-list/first-page.json"), Map.of("limit", "100")), mine.apiKey()));

        JsonNode events = json(response).get("data").get("events");
        assertEquals(1, events.size(), response.getBody());
        assertEquals(own.transactionId(), events.get(0).get("transaction_id").asText());
    }

    @Test
    void aMerchantWithoutPaymentsGetsAnEmptyPage() {
        NewMerchant merchant = stack.merchants().newMerchant("Quiet Merchant");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("webhook-events-list/first-page.json"),
                merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertEquals(0, data.get("events").size());
        assertFalse(data.get("has_more").asBoolean());
    }

    @Test
    void badLimitEventNamesTheLimit() {
        APIGatewayV2HTTPEvent event = event("webhook-events-list/bad-limit.json");
        assertEquals("1000", event.getQueryStringParameters().get("limit"));

        APIGatewayV2HTTPResponse response = invoke(event);

        assertBadParam(response, "limit");
        assertTrue(json(response).get("error").get("message").asText().contains("1 to 100"), response.getBody());
    }

    @Test
    void zeroNegativeAndNonNumericLimitsAreRefusedToo() {
        for (String limit : new String[] {"0", "-1", "two", "2.5", "101"}) {
            assertBadParam(invoke(withQuery(event("webhook-events-list/bad-limit.json"), Map.of("limit", limit))),
                    "limit");
        }
    }

    @Test
    void anotherMerchantsCursorOrAMadeUpOneIsRefused() {
        NewMerchant owner = stack.merchants().newMerchant("Cursor Owner");
        NewMerchant thief = stack.merchants().newMerchant("Cursor Thief");
        stack.payments().pay("direct-payment-create/success.json", owner.apiKey());
        stack.payments().pay("direct-payment-create/success.json", owner.apiKey());
        String cursor = json(invoke(withApiKey(withQuery(event("webhook-events-list/first-page.json"),
                Map.of("limit", "1")), owner.apiKey()))).get("data").get("next_cursor").asText();

        assertBadParam(invoke(withApiKey(withQuery(event("webhook-events-list/first-page.json"),
                Map.of("limit", "1", "cursor", cursor)), thief.apiKey())), "cursor");
        assertBadParam(invoke(withApiKey(withQuery(event("webhook-events-list/first-page.json"),
                Map.of("cursor", "not-a-cursor")), owner.apiKey())), "cursor");
    }

    @Test
    void ofATransactionEventListsThatPaymentsEventsNewestFirstAndNoOthers() {
        NewMerchant merchant = stack.merchants().newMerchant("Payment Page Merchant");
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), SampleEvents.LOCAL_WEBHOOK_URL);
        CreatedPayment refunded = stack.payments().pay("direct-payment-create/success.json", merchant.apiKey());
        APIGatewayV2HTTPResponse refund = stack.payments().refund(merchant.apiKey(), refunded.transactionId(),
                "{\"amount\": 500}");
        assertEquals(200, refund.getStatusCode(), refund.getBody());
        stack.payments().pay("direct-payment-create/success.json", merchant.apiKey());
        APIGatewayV2HTTPEvent sample = event("webhook-events-list/of-a-transaction.json");
        assertEquals(Map.of("transaction_id", "txn_SAMPLEtransactionId00000", "limit", "10"),
                sample.getQueryStringParameters());

        APIGatewayV2HTTPResponse response = invoke(withApiKey(withQuery(sample,
                Map.of("transaction_id", refunded.transactionId(), "limit", "10")), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        List<String> types = new ArrayList<>();
        data.get("events").forEach(e -> {
            assertEquals(refunded.transactionId(), e.get("transaction_id").asText(), response.getBody());
            types.add(e.get("type").asText());
        });
        assertEquals(List.of("refund.succeeded", "payment.succeeded"), types, "newest first");
        assertFalse(data.get("has_more").asBoolean());
    }

    @Test
    void anotherMerchantsTransactionListsNothingAsAnUnknownOneDoes() {
        NewMerchant owner = stack.merchants().newMerchant("Transaction Owner");
        NewMerchant other = stack.merchants().newMerchant("Transaction Snooper");
        CreatedPayment owned = stack.payments().pay("direct-payment-create/success.json", owner.apiKey());

        APIGatewayV2HTTPResponse foreign = invoke(withApiKey(withQuery(event("webhook-events-list/of-a-transaction.json"),
                Map.of("transaction_id", owned.transactionId())), other.apiKey()));
        APIGatewayV2HTTPResponse unknown = invoke(withApiKey(event("webhook-events-list/of-a-transaction.json"),
                other.apiKey()));

        assertEquals(200, foreign.getStatusCode(), foreign.getBody());
        assertEquals(unknown.getBody(), foreign.getBody());
        assertEquals(0, json(foreign).get("data").get("events").size());
    }

    @Test
    void aTransactionIdThatCannotBeOneIsRefusedNamingIt() {
        for (String transactionId : new String[] {"", "txn_short", "evt_SAMPLEwebhookEventId0000", "' OR 1=1"}) {
            assertBadParam(invoke(withQuery(event("webhook-events-list/of-a-transaction.json"),
                    Map.of("transaction_id", transactionId))), "transaction_id");
        }
    }

    private static void assertEvent(JsonNode event, CreatedPayment payment, String type) {
        assertEquals(stack.webhooks().eventIdOf(payment), event.get("event_id").asText());
        assertEquals(type, event.get("type").asText());
        assertEquals(payment.transactionId(), event.get("transaction_id").asText());
        assertEquals("pending", event.get("delivery_status").asText(), "no delivery has run");
        assertEquals(0, event.get("attempt_count").asInt());
        Instant.parse(event.get("created_at").asText());
        assertFalse(event.has("data") || event.has("attempts"), "the list shows summaries: " + event);
    }

    private static void assertBadParam(APIGatewayV2HTTPResponse response, String param) {
        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals(param, error.get("param").asText(), response.getBody());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
