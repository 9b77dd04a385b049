package com.circoflows.functions.hostedpayment.create;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withJsonField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionStatus;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * CreateHostedPaymentHandler as Lambda runs it, fed events/hosted-payment-create/*.json. The samples'
 * webhook URL (your-site.com) is resolved by the function, so these tests put a loopback URL, which
 * local mode allows, in its place and stay off the network.
 */
@ExtendWith(HandlerStackExtension.class)
class CreateHostedPaymentHandlerIT {
    private static final String FUNCTION = "CreateHostedPaymentFunction";
    private static final Pattern SESSION_ID = Pattern.compile("sess_[0-9A-Za-z]{24}");

    private static HandlerStack stack;
    private static CreateHostedPaymentHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, CreateHostedPaymentHandler.class, CreateHostedPaymentHandler::new);
    }

    @Test
    void createEventAnswersTheReferenceBodyWithAPaymentUrlAndStoresThePendingSession() {
        APIGatewayV2HTTPEvent event = localWebhook(event("hosted-payment-create/create.json"));
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals("100", response.getHeaders().get("x-ratelimit-limit"), "the payments rate class");
        JsonNode body = json(response);
        assertTrue(body.get("success").asBoolean());
        assertEquals("Payment session created successfully", body.get("message").asText());
        JsonNode data = body.get("data");
        String sessionId = data.get("session_id").asText();
        assertTrue(SESSION_ID.matcher(sessionId).matches(), sessionId);
        assertEquals(List.of("session_id", "payment_url", "amount", "currency", "description", "status",
                "expires_at", "created_at"), fieldNames(data));
        assertEquals("http://localhost:3000/pay/" + sessionId, data.get("payment_url").asText());
        assertEquals(25000, data.get("amount").asLong());
        assertEquals("USD", data.get("currency").asText());
        assertEquals("Premium Subscription - Annual Plan", data.get("description").asText());
        assertEquals("pending", data.get("status").asText());
        Instant expiresAt = Instant.parse(data.get("expires_at").asText());
        Instant createdAt = Instant.parse(data.get("created_at").asText());
        assertEquals(Duration.ofHours(24), Duration.between(createdAt, expiresAt), "the default lifetime");
        assertTrue(!createdAt.isBefore(before), createdAt.toString());

        PaymentSession stored = stack.sessions().storedSession(sessionId);
        assertEquals(SessionStatus.PENDING, stored.status());
        assertEquals(stack.merchants().sampleMerchantId(), stored.merchantId());
        assertEquals(Mode.TEST, stored.mode());
        assertEquals(Map.of("name", "Jane Smith", "email", "jane@example.com", "phone", "+1234567890"),
                stored.customerInfo());
        assertEquals(Map.of("subscription_id", "sub_12345", "plan_type", "premium_annual"), stored.metadata());
        assertEquals(SampleEvents.LOCAL_WEBHOOK_URL, stored.webhookUrl());
        assertEquals("https://your-site.com/payment/success", stored.returnUrl());
        assertEquals(1, stored.version());
    }

    @Test
    void expiresAtWithinSevenDaysIsKeptToTheSecond() {
        Instant inTwoDays = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        APIGatewayV2HTTPEvent event = withJsonField(localWebhook(event("hosted-payment-create/create.json")),
                "expires_at", inTwoDays.toString());

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(inTwoDays.toString(), json(response).get("data").get("expires_at").asText());
    }

    @Test
    void theReferencesOwnExpiresAtIsInThePastAndRefusedOnExpiresAt() {
        APIGatewayV2HTTPEvent event = withJsonField(localWebhook(event("hosted-payment-create/create.json")),
                "expires_at", "2025-08-23T23:59:59Z");

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("expires_at", error.get("param").asText());
    }

    @Test
    void badInputEventNamesTheMissingDescriptionAndStoresNothing() {
        int before = sessionCount();

        APIGatewayV2HTTPResponse response = invoke(event("hosted-payment-create/bad-input.json"));

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals("description", error.get("param").asText());
        assertEquals(before, sessionCount());
    }

    @Test
    void webhookUrlInsideOurNetworkIsInvalidWebhookUrl() {
        APIGatewayV2HTTPResponse response = invoke(withJsonField(event("hosted-payment-create/create.json"),
                "webhook_url", "http://10.0.0.1/hook"));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("invalid_webhook_url", json(response).get("error").get("code").asText());
        assertEquals("webhook_url", json(response).get("error").get("param").asText());
    }

    @Test
    void returnUrlWithCredentialsIsInvalidReturnUrl() {
        APIGatewayV2HTTPResponse response = invoke(withJsonField(localWebhook(event("hosted-payment-create/create.json")),
                "return_url", "https://user:secret@your-site.com/payment/success"));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("invalid_return_url", json(response).get("error").get("code").asText());
        assertNull(json(response).get("data"));
    }

    @Test
    void missingApiKeyIs401AndCreatesNothing() {
        int before = sessionCount();
        APIGatewayV2HTTPEvent event = SampleEvents.withHeader(
                localWebhook(event("hosted-payment-create/create.json")), "authorization", null);

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(401, response.getStatusCode(), response.getBody());
        assertFalse(response.getBody().contains("session_id"));
        assertEquals(before, sessionCount());
    }

    private static APIGatewayV2HTTPEvent localWebhook(APIGatewayV2HTTPEvent event) {
        return withJsonField(event, "webhook_url", SampleEvents.LOCAL_WEBHOOK_URL);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }

    private static int sessionCount() {
        return stack.localStack().dynamoDbClient().query(q -> q.tableName(stack.table("PaymentSessionsTable"))
                .indexName("by_merchant_created").keyConditionExpression("merchant_id = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(stack.merchants().sampleMerchantId()))))
                .count();
    }
}
