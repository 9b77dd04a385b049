package com.circoflows.functions.directpayment.confirm;

import static com.circoflows.testsupport.FaultInjector.Fault.CONDITION_FAILED;
import static com.circoflows.testsupport.FaultInjector.Fault.CRASH_BEFORE;
import static com.circoflows.testsupport.FaultInjector.Fault.THROTTLED;
import static com.circoflows.testsupport.HandlerTestEnvironment.event;
import static com.circoflows.testsupport.HandlerTestEnvironment.json;
import static com.circoflows.testsupport.HandlerTestEnvironment.withJsonField;
import static com.circoflows.testsupport.HandlerTestEnvironment.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.domain.gateway.AuthorizationRecord;
import com.circoflows.domain.gateway.AuthorizationState;
import com.circoflows.domain.idempotency.IdempotencyKeys;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testsupport.FaultyStack;
import com.circoflows.testsupport.HandlerTestEnvironment;
import com.circoflows.testsupport.HandlerTestEnvironment.CreatedPayment;
import com.circoflows.testsupport.HandlerTestEnvironment.NewMerchant;
import com.circoflows.testsupport.SimulatedCrash;
import com.circoflows.testsupport.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/direct-payment/{id}/confirm-3ds with each step made to fail once, through the real
 * adapters of ConfirmThreeDSecureFunction's wiring: the gateway completes the authorisation once, the
 * payment is completed once with one payment.succeeded, and the merchant receives it.
 */
class ConfirmThreeDSecureFaultsIT {
    private static final String FUNCTION = "ConfirmThreeDSecureFunction";
    private static final String KEY = "confirm-order-9";
    private static HandlerTestEnvironment environment;
    private static WebhookReceiver receiver;

    private FaultyStack stack;
    private ConfirmThreeDSecureHandler handler;
    private NewMerchant merchant;
    private CreatedPayment payment;

    @BeforeAll
    static void startStackAndReceiver() {
        environment = HandlerTestEnvironment.start();
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopStack() {
        if (receiver != null) {
            receiver.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    /** A payment of a new merchant whose customer has just passed the challenge, waiting for confirm-3ds. */
    @BeforeEach
    void authenticatedPaymentAndFaultyHandler() {
        merchant = environment.newMerchant("Confirm faults " + System.nanoTime());
        environment.setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks/" + merchant.merchantId()));
        payment = environment.pay("direct-payment-create/three-d-secure.json", merchant.apiKey());
        environment.recordChallenge(payment.transactionId(), true);
        environment.drainWebhookJobs();
        // Its clock starts now, after the payment was made, and only moves forward.
        stack = new FaultyStack(environment);
        FunctionWiring wiring = stack.wiring(FUNCTION);
        handler = new ConfirmThreeDSecureHandler(wiring.writingMerchantApi(), wiring.confirmThreeDSecureEndpoint());
    }

    @Test
    void crashBetweenTheGatewaysCompletionAndTheWriteThenRetryWithSameKeyCompletesWithOneCharge() {
        stack.faults().inject(CRASH_BEFORE, "TransactWriteItems");

        assertThrows(SimulatedCrash.class, this::confirm);
        stack.assertFaultsFired();
        assertEquals(AuthorizationState.CHARGED, authorization().state(), "the gateway completed it");
        assertEquals(TransactionStatus.PENDING, environment.storedTransaction(payment.transactionId()).status());
        assertEquals(409, confirm().getStatusCode(), "the crashed confirmation holds its key");
        stack.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = confirm();

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertCompletedOnceAndDeliveredOnce();
    }

    @Test
    void throttledConfirmationWriteIs503AndTheRetryCompletesOnce() {
        stack.faults().inject(THROTTLED, "TransactWriteItems");

        APIGatewayV2HTTPResponse failed = confirm();

        stack.assertFaultsFired();
        assertEquals(503, failed.getStatusCode(), failed.getBody());
        assertEquals("service_unavailable", json(failed).at("/error/code").asText());
        assertEquals(TransactionStatus.PENDING, environment.storedTransaction(payment.transactionId()).status());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING), eventTypes());
        assertEquals(200, confirm().getStatusCode());
        assertCompletedOnceAndDeliveredOnce();
    }

    @Test
    void throttledGatewayLedgerAtCompletionIs503LeavesThePaymentPendingAndTheRetryCompletesOnce() {
        stack.faults().inject(THROTTLED, "UpdateItem", stack.table("GatewayAuthorizationsTable"));

        APIGatewayV2HTTPResponse failed = confirm();

        stack.assertFaultsFired();
        assertEquals(503, failed.getStatusCode(), failed.getBody());
        assertEquals(AuthorizationState.PENDING_AUTHENTICATION, authorization().state(), "nothing was charged");
        assertEquals(200, confirm().getStatusCode());
        assertCompletedOnceAndDeliveredOnce();
    }

    @Test
    void aConfirmationWhoseWriteIsRefusedByItsConditionReadsThePaymentAgainAndCompletesIt() {
        stack.faults().inject(CONDITION_FAILED, "TransactWriteItems");

        APIGatewayV2HTTPResponse response = confirm();

        stack.assertFaultsFired();
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(json(response).at("/data/webhook_queued").asBoolean());
        assertCompletedOnceAndDeliveredOnce();
    }

    @Test
    void crashAfterTheConfirmationWriteThenRetryAnswersCompletedAndTheSweeperDeliversPaymentSucceededOnce() {
        stack.faults().inject(CRASH_BEFORE, "SendMessage");

        assertThrows(SimulatedCrash.class, this::confirm);
        stack.assertFaultsFired();
        assertEquals(TransactionStatus.COMPLETED, environment.storedTransaction(payment.transactionId()).status());
        stack.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = confirm();

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertEquals("completed", json(retried).at("/data/status").asText());
        assertFalse(json(retried).at("/data/webhook_queued").asBoolean(), "the job is the sweeper's");
        stack.clock().advance(Duration.ofMinutes(3));
        stack.sweepWebhooks();
        assertCompletedOnceAndDeliveredOnce();
    }

    /** Completed under its one authorisation, now charged; payment.succeeded stored once and received once. */
    private void assertCompletedOnceAndDeliveredOnce() {
        assertEquals(TransactionStatus.COMPLETED, environment.storedTransaction(payment.transactionId()).status());
        AuthorizationRecord authorised = authorization();
        assertEquals(AuthorizationState.CHARGED, authorised.state());
        assertEquals(payment.gatewayTransactionId(), authorised.gatewayTransactionId());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_SUCCEEDED), eventTypes());
        String succeeded = environment.webhookEvents(payment.transactionId()).get(1).eventId();
        environment.deliverJob(succeeded);
        assertEquals(List.of(), stack.jobsFor(succeeded), "a second delivery job");
        assertEquals(DeliveryStatus.DELIVERED, environment.storedWebhookEvent(succeeded).delivery().status());
        assertEquals(1, receiver.receivedFor(succeeded).size());
    }

    private AuthorizationRecord authorization() {
        return stack.onlyAuthorizationOf(merchant.merchantId());
    }

    private List<WebhookEventType> eventTypes() {
        return environment.webhookEvents(payment.transactionId()).stream().map(WebhookEvent::type).toList();
    }

    private APIGatewayV2HTTPResponse confirm() {
        APIGatewayV2HTTPEvent event = withJsonField(withTransactionId(
                event("direct-payment-confirm-3ds/not-yet-authenticated.json"), payment.transactionId()),
                "gateway_id", payment.gatewayTransactionId());
        HandlerTestEnvironment.withApiKey(event, merchant.apiKey());
        HandlerTestEnvironment.withHeader(event, "idempotency-key", KEY);
        return HandlerTestEnvironment.invoke(handler, FUNCTION, event);
    }
}
