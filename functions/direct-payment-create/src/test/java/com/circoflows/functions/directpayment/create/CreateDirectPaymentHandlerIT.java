package com.circoflows.functions.directpayment.create;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestMerchants;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** CreateDirectPaymentHandler as Lambda runs it, fed events/direct-payment-create/*.json. */
@ExtendWith(HandlerStackExtension.class)
class CreateDirectPaymentHandlerIT {
    private static final String FUNCTION = "CreateDirectPaymentFunction";
    private static final Pattern TRANSACTION_ID = Pattern.compile("txn_[0-9A-Za-z]{24}");
    private static final Pattern GATEWAY_ID = Pattern.compile("gw_[0-9A-Za-z]{24}");

    private static HandlerStack stack;
    private static CreateDirectPaymentHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, CreateDirectPaymentHandler.class, CreateDirectPaymentHandler::new);
    }

    /**
     * Purged, not drained: a job another test class of this JVM left in flight would otherwise come back
     * into this test's count once its visibility timeout ran out.
     */
    @BeforeEach
    void emptyTheWebhookQueue() {
        stack.queues().purge("WebhookQueue");
    }

    @Test
    void successEventCompletesThePaymentStoresItWithoutTheCardNumberAndQueuesItsWebhook() {
        stack.webhooks().setWebhookEndpoint(stack.merchants().sampleMerchantId(), SampleEvents.LOCAL_WEBHOOK_URL);
        APIGatewayV2HTTPEvent event = event("direct-payment-create/success.json");
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertFalse(event.getIsBase64Encoded());

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertJsonResponseWithRateLimit(response);
        JsonNode body = json(response);
        assertTrue(body.get("success").asBoolean());
        assertEquals("Payment processed successfully", body.get("message").asText());
        JsonNode data = body.get("data");
        String transactionId = data.get("transaction_id").asText();
        assertTrue(TRANSACTION_ID.matcher(transactionId).matches(), transactionId);
        assertEquals(1000, data.get("amount").asLong());
        assertEquals("USD", data.get("currency").asText());
        assertEquals("completed", data.get("status").asText());
        assertTrue(GATEWAY_ID.matcher(data.get("gateway_transaction_id").asText()).matches());
        assertTrue(data.get("webhook_queued").asBoolean());
        assertFalse(response.getBody().contains("4242424242424242"));

        Transaction stored = stack.payments().storedTransaction(transactionId);
        assertEquals(TransactionStatus.COMPLETED, stored.status());
        assertEquals(stack.merchants().sampleMerchantId(), stored.merchantId());
        assertEquals("4242", stored.card().last4());
        assertEquals(12, stored.card().expMonth());
        assertEquals(2030, stored.card().expYear());
        assertEquals(Map.of("name", "John Doe", "email", "john@example.com"), stored.customerInfo());
        assertEquals(Map.of("order_id", "ORDER-123"), stored.metadata());
        for (Map.Entry<String, AttributeValue> attribute : stack.payments().rawTransactionItem(transactionId).entrySet()) {
            assertFalse(attribute.getValue().toString().contains("4242424242424242"), attribute.getKey());
            assertFalse("123".equals(attribute.getValue().s()), attribute.getKey() + " holds the cvv");
        }

        List<WebhookEvent> webhooks = stack.webhooks().webhookEvents(transactionId);
        assertEquals(1, webhooks.size());
        assertEquals(WebhookEventType.PAYMENT_SUCCEEDED, webhooks.get(0).type());
        List<String> jobs = stack.webhooks().drainWebhookJobs();
        assertEquals(1, jobs.size());
        assertTrue(jobs.get(0).contains(webhooks.get(0).eventId()), jobs.get(0));
    }

    /** The sample payment has no webhook_url; a merchant that set no endpoint has nowhere to send its event. */
    @Test
    void aMerchantWithoutAnEndpointGetsWebhookQueuedFalseItsEventRecordedAsFailedAndNoJob() {
        TestMerchants.NewMerchant merchant = stack.merchants().newMerchant("No Endpoint Merchant");

        APIGatewayV2HTTPResponse response = invoke(SampleEvents.withApiKey(
                event("direct-payment-create/success.json"), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertFalse(data.get("webhook_queued").asBoolean(), response.getBody());
        List<WebhookEvent> webhooks = stack.webhooks().webhookEvents(data.get("transaction_id").asText());
        assertEquals(1, webhooks.size());
        assertEquals(WebhookEvent.DeliveryStatus.FAILED, webhooks.get(0).deliveryStatus());
        assertEquals(List.of(), stack.webhooks().drainWebhookJobs());
    }

    @Test
    void declinedEventIsACardErrorNamingTheFailedTransaction() {
        APIGatewayV2HTTPResponse response = invoke(event("direct-payment-create/declined.json"));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertJsonResponseWithRateLimit(response);
        JsonNode body = json(response);
        assertFalse(body.get("success").asBoolean());
        JsonNode error = body.get("error");
        assertEquals("card_declined", error.get("code").asText());
        assertEquals("card_error", error.get("type").asText());
        assertEquals("generic_decline", error.get("decline_code").asText());
        String transactionId = error.get("transaction_id").asText();

        Transaction stored = stack.payments().storedTransaction(transactionId);
        assertEquals(TransactionStatus.FAILED, stored.status());
        assertEquals("0002", stored.card().last4());
        assertEquals(WebhookEventType.PAYMENT_FAILED, stack.webhooks().webhookEvents(transactionId).get(0).type());
    }

    @Test
    void threeDSecureEventAsksForAuthenticationWithAnAbsoluteChallengeUrl() {
        APIGatewayV2HTTPResponse response = invoke(event("direct-payment-create/three-d-secure.json"));

        assertEquals(202, response.getStatusCode(), response.getBody());
        assertJsonResponseWithRateLimit(response);
        JsonNode body = json(response);
        assertTrue(body.get("success").asBoolean());
        assertEquals("3D Secure authentication required", body.get("message").asText());
        JsonNode data = body.get("data");
        String transactionId = data.get("transaction_id").asText();
        assertTrue(data.get("requires_action").asBoolean());
        assertEquals("3ds_authentication", data.get("action_type").asText());
        assertEquals("pending", data.get("status").asText());
        assertEquals("http://localhost:3000/pay/3ds/" + transactionId, data.get("action_data").get("3ds_url").asText());

        Transaction stored = stack.payments().storedTransaction(transactionId);
        assertEquals(TransactionStatus.PENDING, stored.status());
        assertEquals(ThreeDSecureStatus.REQUIRED, stored.threeDSecure());
        assertNull(stored.processedAt());
        assertEquals(WebhookEventType.PAYMENT_PENDING, stack.webhooks().webhookEvents(transactionId).get(0).type());
    }

    @Test
    void withTheTemplatesDefaultEmptyPublicBaseUrlTheChallengeUrlUsesTheRequestsDomain() {
        Map<String, String> deployedDefault = new LinkedHashMap<>(stack.functions().environment(FUNCTION));
        deployedDefault.put("PUBLIC_BASE_URL", stack.localStack().environmentOf(stack.functions().function(FUNCTION))
                .get("PUBLIC_BASE_URL"));
        assertEquals("", deployedDefault.get("PUBLIC_BASE_URL"), "template default");
        CreateDirectPaymentHandler deployed = stack.functions().construct(FUNCTION, CreateDirectPaymentHandler.class,
                deployedDefault, CreateDirectPaymentHandler::new);
        APIGatewayV2HTTPEvent event = event("direct-payment-create/three-d-secure.json");

        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(deployed, FUNCTION, event);

        JsonNode data = json(response).get("data");
        assertEquals("https://" + event.getRequestContext().getDomainName() + "/pay/3ds/"
                + data.get("transaction_id").asText(), data.get("action_data").get("3ds_url").asText());
    }

    @Test
    void badInputEventNamesTheMissingFieldAndStoresNothing() {
        int before = transactionCount();

        APIGatewayV2HTTPResponse response = invoke(event("direct-payment-create/bad-input.json"));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertJsonResponseWithRateLimit(response);
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals("cvv", error.get("param").asText());
        assertEquals(before, transactionCount());
        assertTrue(stack.webhooks().drainWebhookJobs().isEmpty());
    }

    @Test
    void malformedJsonEventIsAnInvalidRequestThatNeverEchoesTheBody() {
        APIGatewayV2HTTPEvent event = event("direct-payment-create/malformed-json.json");
        assertTrue(event.getBody().contains("4242424242424242"), "the sample body carries a card number");

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("not valid JSON"), error.get("message").asText());
        assertEquals("body", error.get("param").asText());
        assertFalse(response.getBody().contains("4242"), "the body, card number included, is never echoed");
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }

    private static void assertJsonResponseWithRateLimit(APIGatewayV2HTTPResponse response) {
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals("100", response.getHeaders().get("x-ratelimit-limit"));
        assertTrue(response.getHeaders().containsKey("x-ratelimit-remaining"));
        assertTrue(response.getHeaders().containsKey("x-ratelimit-reset"));
    }

    private static int transactionCount() {
        return stack.localStack().dynamoDbClient().query(q -> q.tableName(stack.table("TransactionsTable"))
                .indexName("by_merchant_created").keyConditionExpression("merchant_id = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(stack.merchants().sampleMerchantId()))))
                .count();
    }
}
