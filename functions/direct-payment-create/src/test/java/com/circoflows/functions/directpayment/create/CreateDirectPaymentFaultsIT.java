package com.circoflows.functions.directpayment.create;

import static com.circoflows.testsupport.FaultInjector.Fault.CONDITION_FAILED;
import static com.circoflows.testsupport.FaultInjector.Fault.CRASH_BEFORE;
import static com.circoflows.testsupport.FaultInjector.Fault.THROTTLED;
import static com.circoflows.testsupport.FaultInjector.Fault.TRANSACTION_THROTTLED;
import static com.circoflows.testsupport.FaultInjector.Fault.UNREACHABLE;
import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
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
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.reconciliation.AuthorizationReconciler;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testsupport.FaultInjector.Fault;
import com.circoflows.testsupport.FaultyStack;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.circoflows.testsupport.SimulatedCrash;
import com.circoflows.testsupport.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each step of POST /api/direct-payment made to fail once, through the real adapters (the SDK clients
 * of CreateDirectPaymentFunction's own wiring carry the faults) against DynamoDB Local and ElasticMQ.
 * Whatever failed, the client gets a clear answer (503, or 409 while a crashed attempt holds its
 * Idempotency-Key), nothing is half-written, and the retry with the same key ends with one stored
 * transaction, one authorisation at the gateway and its webhook delivered.
 */
@ExtendWith(HandlerStackExtension.class)
class CreateDirectPaymentFaultsIT {
    private static final String FUNCTION = "CreateDirectPaymentFunction";
    private static final String KEY = "order-7-attempt";
    private static HandlerStack stack;
    private static WebhookReceiver receiver;

    private FaultyStack faulty;
    private CreateDirectPaymentHandler handler;
    private NewMerchant merchant;

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

    @BeforeEach
    void newMerchantAndFaultyHandler() {
        faulty = new FaultyStack(stack);
        FunctionWiring wiring = faulty.wiring(FUNCTION);
        handler = new CreateDirectPaymentHandler(wiring.api().idempotentMerchantApiPipeline(), wiring.payments().createDirectPaymentEndpoint());
        merchant = stack.merchants().newMerchant("Faults " + System.nanoTime());
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks/" + merchant.merchantId()));
    }

    @Test
    void throttledTransactionWriteIs503AndTheRetryWithTheSameKeyChargesOnce() {
        failingOnceIs503ThenTheRetryChargesOnce(THROTTLED, "TransactWriteItems", null);
    }

    @Test
    void transactionWriteCancelledByThrottlingIs503AndTheRetryWithTheSameKeyChargesOnce() {
        failingOnceIs503ThenTheRetryChargesOnce(TRANSACTION_THROTTLED, "TransactWriteItems", null);
    }

    @Test
    void transactionWriteRefusedByItsConditionIs503AndTheRetryWithTheSameKeyChargesOnce() {
        failingOnceIs503ThenTheRetryChargesOnce(CONDITION_FAILED, "TransactWriteItems", null);
    }

    @Test
    void throttledGatewayLedgerWriteIs503WithNothingAuthorisedAndTheRetryWithTheSameKeyChargesOnce() {
        failingOnceIs503ThenTheRetryChargesOnce(THROTTLED, "PutItem", faulty.table("GatewayAuthorizationsTable"));
    }

    @Test
    void throttledIdempotencyClaimIs503BeforeAnythingIsChargedAndTheRetryChargesOnce() {
        failingOnceIs503ThenTheRetryChargesOnce(THROTTLED, "PutItem", faulty.table("IdempotencyTable"));
    }

    @Test
    void crashBetweenGatewayAndWriteThenRetryWithSameKeyIs409WhileLockedThenChargesOnce() {
        faulty.faults().inject(CRASH_BEFORE, "TransactWriteItems");

        assertThrows(SimulatedCrash.class, () -> pay(KEY));
        faulty.assertFaultsFired();
        assertEquals(List.of(), faulty.transactionsOf(merchant.merchantId()), "nothing of ours was written");
        AuthorizationRecord authorised = onlyAuthorization();
        assertEquals(AuthorizationState.CHARGED, authorised.state(), "the gateway did charge");

        APIGatewayV2HTTPResponse whileLocked = pay(KEY);
        assertEquals(409, whileLocked.getStatusCode(), whileLocked.getBody());
        assertEquals("idempotency_key_in_use", json(whileLocked).at("/error/code").asText());
        faulty.clock().advance(IdempotencyKeys.LOCK);
        APIGatewayV2HTTPResponse retried = pay(KEY);

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        JsonNode data = json(retried).get("data");
        assertEquals(authorised.transactionId(), data.get("transaction_id").asText());
        assertEquals(authorised.gatewayTransactionId(), data.get("gateway_transaction_id").asText());
        assertTrue(data.get("webhook_queued").asBoolean(), "the retry wrote the payment, so it queued the event");
        assertChargedOnceAndDeliveredOnce(authorised.transactionId());
        assertReplayed(retried);
        faulty.clock().advance(AuthorizationReconciler.GRACE.plusSeconds(1));
        faulty.reconcile();
        assertEquals(AuthorizationState.CHARGED, onlyAuthorization().state(), "reconciled, not voided");
    }

    @Test
    void crashBetweenGatewayAndWriteWithoutAKeyLeavesAnAuthorisationThatReconciliationVoids() {
        faulty.faults().inject(CRASH_BEFORE, "TransactWriteItems");

        assertThrows(SimulatedCrash.class, () -> pay(null));
        faulty.assertFaultsFired();
        assertEquals(AuthorizationState.CHARGED, onlyAuthorization().state());

        faulty.clock().advance(AuthorizationReconciler.GRACE.minusSeconds(1));
        faulty.reconcile();
        assertEquals(AuthorizationState.CHARGED, onlyAuthorization().state(), "within its grace it is left alone");
        faulty.clock().advance(Duration.ofSeconds(2));
        faulty.reconcile();

        assertEquals(AuthorizationState.VOIDED, onlyAuthorization().state(), "the cardholder is not charged");
        assertEquals(List.of(), faulty.transactionsOf(merchant.merchantId()));
    }

    @Test
    void retryLongAfterACrashWhoseAuthorisationWasVoidedFailsThePaymentAndChargesNothing() {
        faulty.faults().inject(CRASH_BEFORE, "TransactWriteItems");
        assertThrows(SimulatedCrash.class, () -> pay(KEY));
        faulty.clock().advance(AuthorizationReconciler.GRACE.plusSeconds(1));
        faulty.reconcile();

        APIGatewayV2HTTPResponse late = pay(KEY);

        assertEquals(400, late.getStatusCode(), late.getBody());
        assertEquals("processing_error", json(late).at("/error/code").asText());
        Transaction failed = onlyTransaction();
        assertEquals(TransactionStatus.FAILED, failed.status());
        assertEquals(onlyAuthorization().transactionId(), failed.transactionId());
        assertEquals(AuthorizationState.VOIDED, onlyAuthorization().state());
    }

    @Test
    void crashBetweenGatewayAndWriteOfAThreeDSecurePaymentThenRetryAnswersTheSameChallenge() {
        faulty.faults().inject(CRASH_BEFORE, "TransactWriteItems");
        assertThrows(SimulatedCrash.class, () -> pay(KEY, "direct-payment-create/three-d-secure.json"));
        AuthorizationRecord pending = onlyAuthorization();
        assertEquals(AuthorizationState.PENDING_AUTHENTICATION, pending.state());
        faulty.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = pay(KEY, "direct-payment-create/three-d-secure.json");

        assertEquals(202, retried.getStatusCode(), retried.getBody());
        assertEquals(pending.transactionId(), json(retried).at("/data/transaction_id").asText());
        assertEquals(pending.gatewayTransactionId(), onlyTransaction().gatewayTransactionId());
        assertEquals(1, faulty.authorizationsOf(merchant.merchantId()).size());
    }

    @Test
    void crashBetweenWriteAndEnqueueThenRetryWithSameKeyChargesOnceAndTheSweeperDeliversOnce() {
        faulty.faults().inject(CRASH_BEFORE, "SendMessage");

        assertThrows(SimulatedCrash.class, () -> pay(KEY));
        faulty.assertFaultsFired();
        Transaction stored = onlyTransaction();
        assertEquals(TransactionStatus.COMPLETED, stored.status());
        String eventId = onlyEvent(stored.transactionId()).eventId();
        assertTrue(faulty.jobsFor(eventId).isEmpty(), "the job was never queued");
        faulty.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = pay(KEY);

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertEquals(stored.transactionId(), json(retried).at("/data/transaction_id").asText());
        assertFalse(json(retried).at("/data/webhook_queued").asBoolean(), "the recovered payment's job is the sweeper's");
        assertEquals(stored, onlyTransaction());
        faulty.clock().advance(Duration.ofMinutes(3));
        faulty.sweepWebhooks();
        assertChargedOnceAndDeliveredOnce(stored.transactionId());
    }

    @Test
    void crashAfterEnqueueBeforeTheIdempotencySaveThenRetryWithSameKeyAnswersTheSamePaymentDeliveredOnce() {
        faulty.faults().inject(CRASH_BEFORE, "UpdateItem", faulty.table("IdempotencyTable"));

        assertThrows(SimulatedCrash.class, () -> pay(KEY));
        faulty.assertFaultsFired();
        Transaction stored = onlyTransaction();
        faulty.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = pay(KEY);

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertEquals(stored.transactionId(), json(retried).at("/data/transaction_id").asText());
        assertChargedOnceAndDeliveredOnce(stored.transactionId());
        assertReplayed(retried);
    }

    @Test
    void throttledIdempotencySaveStillAnswersThePaymentAndTheRetryAfterTheLockGetsTheSamePayment() {
        faulty.faults().inject(THROTTLED, "UpdateItem", faulty.table("IdempotencyTable"));

        APIGatewayV2HTTPResponse first = pay(KEY);
        faulty.assertFaultsFired();
        assertEquals(200, first.getStatusCode(), first.getBody());
        String transactionId = json(first).at("/data/transaction_id").asText();
        assertEquals(409, pay(KEY).getStatusCode(), "the unsaved record holds the key until its lock runs out");
        faulty.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = pay(KEY);

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertEquals(transactionId, json(retried).at("/data/transaction_id").asText());
        assertChargedOnceAndDeliveredOnce(transactionId);
    }

    @Test
    void sqsSendFailureAnswers200WithWebhookQueuedFalseAndTheSweeperDeliversTheEvent() {
        faulty.faults().inject(UNREACHABLE, "SendMessage");

        APIGatewayV2HTTPResponse response = pay(KEY);

        faulty.assertFaultsFired();
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertFalse(json(response).at("/data/webhook_queued").asBoolean());
        String transactionId = json(response).at("/data/transaction_id").asText();
        assertTrue(faulty.jobsFor(onlyEvent(transactionId).eventId()).isEmpty());
        faulty.clock().advance(Duration.ofMinutes(3));
        faulty.sweepWebhooks();
        assertChargedOnceAndDeliveredOnce(transactionId);
    }

    /** The fault makes the first attempt a 503 with nothing of it stored; the same request again succeeds. */
    private void failingOnceIs503ThenTheRetryChargesOnce(Fault fault, String operation, String table) {
        if (table == null) {
            faulty.faults().inject(fault, operation);
        } else {
            faulty.faults().inject(fault, operation, table);
        }

        APIGatewayV2HTTPResponse failed = pay(KEY);

        faulty.assertFaultsFired();
        assertEquals(503, failed.getStatusCode(), failed.getBody());
        JsonNode error = json(failed).get("error");
        assertEquals("service_unavailable", error.get("code").asText());
        assertEquals("api_error", error.get("type").asText());
        assertFalse(failed.getBody().contains("Exception") || failed.getBody().contains("Table"), failed.getBody());
        assertEquals(List.of(), faulty.transactionsOf(merchant.merchantId()), "no transaction, no event");

        APIGatewayV2HTTPResponse retried = pay(KEY);

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertChargedOnceAndDeliveredOnce(json(retried).at("/data/transaction_id").asText());
    }

    /**
     * One transaction, charged by one authorisation that is still standing (its gateway id), with one
     * payment.succeeded event that reached the merchant's endpoint once.
     */
    private void assertChargedOnceAndDeliveredOnce(String transactionId) {
        Transaction stored = onlyTransaction();
        assertEquals(transactionId, stored.transactionId());
        assertEquals(TransactionStatus.COMPLETED, stored.status());
        AuthorizationRecord authorised = onlyAuthorization();
        assertEquals(transactionId, authorised.transactionId());
        assertEquals(stored.gatewayTransactionId(), authorised.gatewayTransactionId());
        assertEquals(AuthorizationState.CHARGED, authorised.state());
        String eventId = onlyEvent(transactionId).eventId();
        stack.webhooks().deliverJob(eventId);
        assertEquals(List.of(), faulty.jobsFor(eventId), "a second delivery job");
        assertEquals(DeliveryStatus.DELIVERED, stack.webhooks().storedWebhookEvent(eventId).delivery().status());
        assertEquals(1, receiver.receivedFor(eventId).size());
    }

    /** The key's saved answer is replayed from now on, naming the same payment. */
    private void assertReplayed(APIGatewayV2HTTPResponse answered) {
        APIGatewayV2HTTPResponse replay = pay(KEY);
        assertEquals(answered.getBody(), replay.getBody());
        assertEquals("true", replay.getHeaders().get("idempotent-replayed"));
    }

    private Transaction onlyTransaction() {
        return faulty.onlyTransactionOf(merchant.merchantId());
    }

    private AuthorizationRecord onlyAuthorization() {
        return faulty.onlyAuthorizationOf(merchant.merchantId());
    }

    private WebhookEvent onlyEvent(String transactionId) {
        List<WebhookEvent> events = stack.webhooks().webhookEvents(transactionId);
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    private APIGatewayV2HTTPResponse pay(String idempotencyKey) {
        return pay(idempotencyKey, "direct-payment-create/success.json");
    }

    private APIGatewayV2HTTPResponse pay(String idempotencyKey, String sample) {
        APIGatewayV2HTTPEvent event = SampleEvents.withApiKey(event(sample), merchant.apiKey());
        if (idempotencyKey != null) {
            SampleEvents.withHeader(event, "idempotency-key", idempotencyKey);
        }
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
