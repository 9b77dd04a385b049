package com.circoflows.functions.directpayment.confirm;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withJsonField;
import static com.circoflows.testsupport.SampleEvents.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ConfirmThreeDSecureHandler as Lambda runs it, fed events/direct-payment-confirm-3ds/*.json. */
@ExtendWith(HandlerStackExtension.class)
class ConfirmThreeDSecureHandlerIT {
    private static final String FUNCTION = "ConfirmThreeDSecureFunction";

    private static HandlerStack stack;
    private static ConfirmThreeDSecureHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, ConfirmThreeDSecureHandler.class, ConfirmThreeDSecureHandler::new);
    }

    @Test
    void notYetAuthenticatedEventIsRefusedAndLeavesThePaymentPending() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/three-d-secure.json");
        assertEquals(202, payment.status());

        APIGatewayV2HTTPResponse response = invoke(notYetAuthenticated(payment));

        assertEquals(409, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals("100", response.getHeaders().get("x-ratelimit-limit"));
        JsonNode error = json(response).get("error");
        assertEquals("invalid_transaction_state", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertTrue(error.get("message").asText().contains("3ds_url"), error.get("message").asText());
        Transaction stored = stack.payments().storedTransaction(payment.transactionId());
        assertEquals(TransactionStatus.PENDING, stored.status());
        assertEquals(ThreeDSecureStatus.REQUIRED, stored.threeDSecure());
    }

    @Test
    void pendingClaimBeforeTheChallengeRepeatsTheChallengeUrl() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/three-d-secure.json");

        APIGatewayV2HTTPResponse response = invoke(withJsonField(notYetAuthenticated(payment), "status", "pending"));

        assertEquals(202, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertTrue(data.get("requires_action").asBoolean());
        assertEquals("http://localhost:3000/pay/3ds/" + payment.transactionId(),
                data.get("action_data").get("3ds_url").asText());
    }

    @Test
    void onceTheCustomerAuthenticatedTheSameEventCompletesThePaymentAndQueuesPaymentSucceeded() {
        stack.webhooks().setWebhookEndpoint(stack.merchants().sampleMerchantId(), SampleEvents.LOCAL_WEBHOOK_URL);
        CreatedPayment payment = stack.payments().pay("direct-payment-create/three-d-secure.json");
        stack.payments().recordChallenge(payment.transactionId(), true);
        // Purged, not drained: a job left in flight by another test would come back into the count below.
        stack.queues().purge("WebhookQueue");

        APIGatewayV2HTTPResponse response = invoke(notYetAuthenticated(payment));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertTrue(body.get("success").asBoolean());
        assertEquals("3D Secure authentication confirmed", body.get("message").asText());
        assertEquals(payment.transactionId(), body.get("data").get("transaction_id").asText());
        assertEquals("completed", body.get("data").get("status").asText());
        assertEquals(payment.gatewayTransactionId(), body.get("data").get("gateway_transaction_id").asText());
        assertTrue(body.get("data").get("webhook_queued").asBoolean());
        Transaction stored = stack.payments().storedTransaction(payment.transactionId());
        assertEquals(TransactionStatus.COMPLETED, stored.status());
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, stored.threeDSecure());
        List<WebhookEventType> types = stack.webhooks().webhookEvents(payment.transactionId()).stream()
                .map(e -> e.type()).toList();
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_SUCCEEDED), types);
        assertEquals(1, stack.webhooks().drainWebhookJobs().size());

        APIGatewayV2HTTPResponse again = invoke(notYetAuthenticated(payment));
        assertEquals(200, again.getStatusCode(), "confirming twice is harmless: " + again.getBody());
        assertFalse(json(again).get("data").get("webhook_queued").asBoolean());
        assertEquals(2, stack.webhooks().webhookEvents(payment.transactionId()).size(), "no second payment.succeeded");
    }

    @Test
    void claimingSuccessAfterTheCustomerFailedTheChallengeIsACardError() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/three-d-secure.json");
        stack.payments().recordChallenge(payment.transactionId(), false);

        APIGatewayV2HTTPResponse response = invoke(notYetAuthenticated(payment));

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("3ds_authentication_failed", error.get("code").asText());
        assertEquals("card_error", error.get("type").asText());
        assertEquals(TransactionStatus.FAILED, stack.payments().storedTransaction(payment.transactionId()).status());
    }

    @Test
    void gatewayIdOfAnotherPaymentIsRefused() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/three-d-secure.json");
        // Only the path carries the real id; the body keeps the sample gateway id.
        APIGatewayV2HTTPEvent event = withTransactionId(
                event("direct-payment-confirm-3ds/not-yet-authenticated.json"), payment.transactionId());

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("gateway_id", json(response).get("error").get("param").asText());
    }

    @Test
    void badInputEventNamesTheStatusField() {
        APIGatewayV2HTTPEvent event = event("direct-payment-confirm-3ds/bad-input.json");
        assertEquals(SampleEvents.SAMPLE_TRANSACTION_ID, event.getPathParameters().get("transaction_id"));

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals("status", error.get("param").asText());
    }

    @Test
    void unknownTransactionIs404() {
        APIGatewayV2HTTPResponse response = invoke(event("direct-payment-confirm-3ds/not-yet-authenticated.json"));

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("transaction_not_found", json(response).get("error").get("code").asText());
    }

    /** events/…/not-yet-authenticated.json aimed at {@code payment}: its id in the path, its gateway id. */
    private static APIGatewayV2HTTPEvent notYetAuthenticated(CreatedPayment payment) {
        APIGatewayV2HTTPEvent event = withTransactionId(
                event("direct-payment-confirm-3ds/not-yet-authenticated.json"), payment.transactionId());
        return withJsonField(event, "gateway_id", payment.gatewayTransactionId());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
