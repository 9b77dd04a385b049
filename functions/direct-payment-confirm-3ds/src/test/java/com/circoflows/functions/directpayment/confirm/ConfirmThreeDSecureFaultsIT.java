package com.circoflows.functions.directpayment.confirm;

import static com.circoflows.testsupport.FaultInjector.Fault.CONDITION_FAILED;
import static com.circoflows.testsupport.FaultInjector.Fault.CRASH_BEFORE;
import static com.circoflows.testsupport.FaultInjector.Fault.THROTTLED;
import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withJsonField;
import static com.circoflows.testsupport.SampleEvents.withTransactionId;
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
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.circoflows.testsupport.SimulatedCrash;
import com.circoflows.testsupport.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /api/direct-payment/{id}/confirm-3ds with each step made to fail once, through the real
 * adapters of ConfirmThreeDSecureFunction's wiring: the gateway completes the authorisation once, the
 * payment is completed once with one payment.succeeded, and the merchant receives it.
 */
@ExtendWith(HandlerStackExtension.class)
class ConfirmThreeDSecureFaultsIT {
    private static final String FUNCTION = "ConfirmThreeDSecureFunction";
    private static final String KEY = "confirm-order-9";
    private static HandlerStack stack;
    private static WebhookReceiver receiver;

    private FaultyStack faulty;
    private ConfirmThreeDSecureHandler handler;
    private NewMerchant merchant;
    private CreatedPayment payment;

    @BeforeAll
    static void startReceiver(HandlerStack shared) {
        stack = shared;
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** A payment of a new merchant whose customer has just passed the challenge, waiting for confirm-3ds. */
    @BeforeEach
    void authenticatedPaymentAndFaultyHandler() {
        merchant = stack.merchants().newMerchant("Confirm faults " + System.nanoTime());
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks/" + merchant.merchantId()));
        payment = stack.payments().pay("direct-payment-create/three-d-secure.json", merchant.apiKey());
        stack.payments().recordChallenge(payment.transactionId(), true);
        stack.webhooks().drainWebhookJobs();
        // Its clock starts now, after the payment was made, and only moves forward.
        faulty = new FaultyStack(stack);
        FunctionWiring wiring = faulty.wiring(FUNCTION);
        handler = new ConfirmThreeDSecureHandler(wiring.api().idempotentMerchantApiPipeline(), wiring.payments().confirmThreeDSecureEndpoint());
    }

    @Test
    void crashBetweenTheGatewaysCompletionAndTheWriteThenRetryWithSameKeyCompletesWithOneCharge() {
        faulty.faults().inject(CRASH_BEFORE, "TransactWriteItems");

        assertThrows(SimulatedCrash.class, this::confirm);
        faulty.assertFaultsFired();
        assertEquals(AuthorizationState.CHARGED, authorization().state(), "the gateway completed it");
        assertEquals(TransactionStatus.PENDING, stack.payments().storedTransaction(payment.transactionId()).status());
        assertEquals(409, confirm().getStatusCode(), "the crashed confirmation holds its key");
        faulty.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = confirm();

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertCompletedOnceAndDeliveredOnce();
    }

    @Test
    void throttledConfirmationWriteIs503AndTheRetryCompletesOnce() {
        faulty.faults().inject(THROTTLED, "TransactWriteItems");

        APIGatewayV2HTTPResponse failed = confirm();

        faulty.assertFaultsFired();
        assertEquals(503, failed.getStatusCode(), failed.getBody());
        assertEquals("service_unavailable", json(failed).at("/error/code").asText());
        assertEquals(TransactionStatus.PENDING, stack.payments().storedTransaction(payment.transactionId()).status());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING), eventTypes());
        assertEquals(200, confirm().getStatusCode());
        assertCompletedOnceAndDeliveredOnce();
    }

    @Test
    void throttledGatewayLedgerAtCompletionIs503LeavesThePaymentPendingAndTheRetryCompletesOnce() {
        faulty.faults().inject(THROTTLED, "UpdateItem", faulty.table("GatewayAuthorizationsTable"));

        APIGatewayV2HTTPResponse failed = confirm();

        faulty.assertFaultsFired();
        assertEquals(503, failed.getStatusCode(), failed.getBody());
        assertEquals(AuthorizationState.PENDING_AUTHENTICATION, authorization().state(), "nothing was charged");
        assertEquals(200, confirm().getStatusCode());
        assertCompletedOnceAndDeliveredOnce();
    }

    @Test
    void aConfirmationWhoseWriteIsRefusedByItsConditionReadsThePaymentAgainAndCompletesIt() {
        faulty.faults().inject(CONDITION_FAILED, "TransactWriteItems");

        APIGatewayV2HTTPResponse response = confirm();

        faulty.assertFaultsFired();
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(json(response).at("/data/webhook_queued").asBoolean());
        assertCompletedOnceAndDeliveredOnce();
    }

    @Test
    void crashAfterTheConfirmationWriteThenRetryAnswersCompletedAndTheSweeperDeliversPaymentSucceededOnce() {
        faulty.faults().inject(CRASH_BEFORE, "SendMessage");

        assertThrows(SimulatedCrash.class, this::confirm);
        faulty.assertFaultsFired();
        assertEquals(TransactionStatus.COMPLETED, stack.payments().storedTransaction(payment.transactionId()).status());
        faulty.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = confirm();

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertEquals("completed", json(retried).at("/data/status").asText());
        assertFalse(json(retried).at("/data/webhook_queued").asBoolean(), "the job is the sweeper's");
        faulty.clock().advance(Duration.ofMinutes(3));
        faulty.sweepWebhooks();
        assertCompletedOnceAndDeliveredOnce();
    }

    /** Completed under its one authorisation, now charged; payment.succeeded stored once and received once. */
    private void assertCompletedOnceAndDeliveredOnce() {
        assertEquals(TransactionStatus.COMPLETED, stack.payments().storedTransaction(payment.transactionId()).status());
        AuthorizationRecord authorised = authorization();
        assertEquals(AuthorizationState.CHARGED, authorised.state());
        assertEquals(payment.gatewayTransactionId(), authorised.gatewayTransactionId());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_SUCCEEDED), eventTypes());
        String succeeded = stack.webhooks().webhookEvents(payment.transactionId()).get(1).eventId();
        stack.webhooks().deliverJob(succeeded);
        assertEquals(List.of(), faulty.jobsFor(succeeded), "a second delivery job");
        assertEquals(DeliveryStatus.DELIVERED, stack.webhooks().storedWebhookEvent(succeeded).delivery().status());
        assertEquals(1, receiver.receivedFor(succeeded).size());
    }

    private AuthorizationRecord authorization() {
        return faulty.onlyAuthorizationOf(merchant.merchantId());
    }

    private List<WebhookEventType> eventTypes() {
        return stack.webhooks().webhookEvents(payment.transactionId()).stream().map(WebhookEvent::type).toList();
    }

    private APIGatewayV2HTTPResponse confirm() {
        APIGatewayV2HTTPEvent event = withJsonField(withTransactionId(
                event("direct-payment-confirm-3ds/not-yet-authenticated.json"), payment.transactionId()),
                "gateway_id", payment.gatewayTransactionId());
        SampleEvents.withApiKey(event, merchant.apiKey());
        SampleEvents.withHeader(event, "idempotency-key", KEY);
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
