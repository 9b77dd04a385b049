package com.circoflows.functions.directpayment.create;

import static com.circoflows.testsupport.FaultInjector.Fault.CONDITION_FAILED;
import static com.circoflows.testsupport.FaultInjector.Fault.CRASH_BEFORE;
import static com.circoflows.testsupport.FaultInjector.Fault.THROTTLED;
import static com.circoflows.testsupport.FaultInjector.Fault.TRANSACTION_THROTTLED;
import static com.circoflows.testsupport.FaultInjector.Fault.UNREACHABLE;
import static com.circoflows.testsupport.HandlerTestEnvironment.event;
import static com.circoflows.testsupport.HandlerTestEnvironment.json;
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
import com.circoflows.testsupport.HandlerTestEnvironment;
import com.circoflows.testsupport.HandlerTestEnvironment.NewMerchant;
import com.circoflows.testsupport.SimulatedCrash;
import com.circoflows.testsupport.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each step of POST /api/direct-payment made to fail once, through the real adapters (the SDK clients
 * of CreateDirectPaymentFunction's own wiring carry the faults) against DynamoDB Local and ElasticMQ.
 * Whatever failed, the client gets a clear answer (503, or 409 while a crashed attempt holds its
 * Idempotency-Key), nothing is half-written, and the retry with the same key ends with one stored
 * transaction, one authorisation at the gateway and its webhook delivered.
 */
class CreateDirectPaymentFaultsIT {
    private static final String FUNCTION = "CreateDirectPaymentFunction";
    private static final String KEY = "order-7-attempt";
    private static HandlerTestEnvironment environment;
    private static WebhookReceiver receiver;

    private FaultyStack stack;
    private CreateDirectPaymentHandler handler;
    private NewMerchant merchant;

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

    @BeforeEach
    void newMerchantAndFaultyHandler() {
        stack = new FaultyStack(environment);
        FunctionWiring wiring = stack.wiring(FUNCTION);
        handler = new CreateDirectPaymentHandler(wiring.writingMerchantApi(), wiring.createDirectPaymentEndpoint());
        merchant = environment.newMerchant("Faults " + System.nanoTime());
        environment.setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks/" + merchant.merchantId()));
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
        failingOnceIs503ThenTheRetryChargesOnce(THROTTLED, "PutItem", stack.table("GatewayAuthorizationsTable"));
    }

    @Test
    void throttledIdempotencyClaimIs503BeforeAnythingIsChargedAndTheRetryChargesOnce() {
        failingOnceIs503ThenTheRetryChargesOnce(THROTTLED, "PutItem", stack.table("IdempotencyTable"));
    }

    @Test
    void crashBetweenGatewayAndWriteThenRetryWithSameKeyIs409WhileLockedThenChargesOnce() {
        stack.faults().inject(CRASH_BEFORE, "TransactWriteItems");

        assertThrows(SimulatedCrash.class, () -> pay(KEY));
        stack.assertFaultsFired();
        assertEquals(List.of(), stack.transactionsOf(merchant.merchantId()), "nothing of ours was written");
        AuthorizationRecord authorised = onlyAuthorization();
        assertEquals(AuthorizationState.CHARGED, authorised.state(), "the gateway did charge");

        APIGatewayV2HTTPResponse whileLocked = pay(KEY);
        assertEquals(409, whileLocked.getStatusCode(), whileLocked.getBody());
        assertEquals("idempotency_key_in_use", json(whileLocked).at("/error/code").asText());
        stack.clock().advance(IdempotencyKeys.LOCK);
        APIGatewayV2HTTPResponse retried = pay(KEY);

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        JsonNode data = json(retried).get("data");
        assertEquals(authorised.transactionId(), data.get("transaction_id").asText());
        assertEquals(authorised.gatewayTransactionId(), data.get("gateway_transaction_id").asText());
        assertTrue(data.get("webhook_queued").asBoolean(), "the retry wrote the payment, so it queued the event");
        assertChargedOnceAndDeliveredOnce(authorised.transactionId());
        assertReplayed(retried);
        stack.clock().advance(AuthorizationReconciler.GRACE.plusSeconds(1));
        stack.reconcile();
        assertEquals(AuthorizationState.CHARGED, onlyAuthorization().state(), "reconciled, not voided");
    }

    @Test
    void crashBetweenGatewayAndWriteWithoutAKeyLeavesAnAuthorisationThatReconciliationVoids() {
        stack.faults().inject(CRASH_BEFORE, "TransactWriteItems");

        assertThrows(SimulatedCrash.class, () -> pay(null));
        stack.assertFaultsFired();
        assertEquals(AuthorizationState.CHARGED, onlyAuthorization().state());

        stack.clock().advance(AuthorizationReconciler.GRACE.minusSeconds(1));
        stack.reconcile();
        assertEquals(AuthorizationState.CHARGED, onlyAuthorization().state(), "within its grace it is left alone");
        stack.clock().advance(Duration.ofSeconds(2));
        stack.reconcile();

        assertEquals(AuthorizationState.VOIDED, onlyAuthorization().state(), "the cardholder is not charged");
        assertEquals(List.of(), stack.transactionsOf(merchant.merchantId()));
    }

    @Test
    void retryLongAfterACrashWhoseAuthorisationWasVoidedFailsThePaymentAndChargesNothing() {
        stack.faults().inject(CRASH_BEFORE, "TransactWriteItems");
        assertThrows(SimulatedCrash.class, () -> pay(KEY));
        stack.clock().advance(AuthorizationReconciler.GRACE.plusSeconds(1));
        stack.reconcile();

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
        stack.faults().inject(CRASH_BEFORE, "TransactWriteItems");
        assertThrows(SimulatedCrash.class, () -> pay(KEY, "direct-payment-create/three-d-secure.json"));
        AuthorizationRecord pending = onlyAuthorization();
        assertEquals(AuthorizationState.PENDING_AUTHENTICATION, pending.state());
        stack.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = pay(KEY, "direct-payment-create/three-d-secure.json");

        assertEquals(202, retried.getStatusCode(), retried.getBody());
        assertEquals(pending.transactionId(), json(retried).at("/data/transaction_id").asText());
        assertEquals(pending.gatewayTransactionId(), onlyTransaction().gatewayTransactionId());
        assertEquals(1, stack.authorizationsOf(merchant.merchantId()).size());
    }

    @Test
    void crashBetweenWriteAndEnqueueThenRetryWithSameKeyChargesOnceAndTheSweeperDeliversOnce() {
        stack.faults().inject(CRASH_BEFORE, "SendMessage");

        assertThrows(SimulatedCrash.class, () -> pay(KEY));
        stack.assertFaultsFired();
        Transaction stored = onlyTransaction();
        assertEquals(TransactionStatus.COMPLETED, stored.status());
        String eventId = onlyEvent(stored.transactionId()).eventId();
        assertTrue(stack.jobsFor(eventId).isEmpty(), "the job was never queued");
        stack.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = pay(KEY);

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertEquals(stored.transactionId(), json(retried).at("/data/transaction_id").asText());
        assertFalse(json(retried).at("/data/webhook_queued").asBoolean(), "the recovered payment's job is the sweeper's");
        assertEquals(stored, onlyTransaction());
        stack.clock().advance(Duration.ofMinutes(3));
        stack.sweepWebhooks();
        assertChargedOnceAndDeliveredOnce(stored.transactionId());
    }

    @Test
    void crashAfterEnqueueBeforeTheIdempotencySaveThenRetryWithSameKeyAnswersTheSamePaymentDeliveredOnce() {
        stack.faults().inject(CRASH_BEFORE, "UpdateItem", stack.table("IdempotencyTable"));

        assertThrows(SimulatedCrash.class, () -> pay(KEY));
        stack.assertFaultsFired();
        Transaction stored = onlyTransaction();
        stack.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = pay(KEY);

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertEquals(stored.transactionId(), json(retried).at("/data/transaction_id").asText());
        assertChargedOnceAndDeliveredOnce(stored.transactionId());
        assertReplayed(retried);
    }

    @Test
    void throttledIdempotencySaveStillAnswersThePaymentAndTheRetryAfterTheLockGetsTheSamePayment() {
        stack.faults().inject(THROTTLED, "UpdateItem", stack.table("IdempotencyTable"));

        APIGatewayV2HTTPResponse first = pay(KEY);
        stack.assertFaultsFired();
        assertEquals(200, first.getStatusCode(), first.getBody());
        String transactionId = json(first).at("/data/transaction_id").asText();
        assertEquals(409, pay(KEY).getStatusCode(), "the unsaved record holds the key until its lock runs out");
        stack.clock().advance(IdempotencyKeys.LOCK);

        APIGatewayV2HTTPResponse retried = pay(KEY);

        assertEquals(200, retried.getStatusCode(), retried.getBody());
        assertEquals(transactionId, json(retried).at("/data/transaction_id").asText());
        assertChargedOnceAndDeliveredOnce(transactionId);
    }

    @Test
    void sqsSendFailureAnswers200WithWebhookQueuedFalseAndTheSweeperDeliversTheEvent() {
        stack.faults().inject(UNREACHABLE, "SendMessage");

        APIGatewayV2HTTPResponse response = pay(KEY);

        stack.assertFaultsFired();
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertFalse(json(response).at("/data/webhook_queued").asBoolean());
        String transactionId = json(response).at("/data/transaction_id").asText();
        assertTrue(stack.jobsFor(onlyEvent(transactionId).eventId()).isEmpty());
        stack.clock().advance(Duration.ofMinutes(3));
        stack.sweepWebhooks();
        assertChargedOnceAndDeliveredOnce(transactionId);
    }

    /** The fault makes the first attempt a 503 with nothing of it stored; the same request again succeeds. */
    private void failingOnceIs503ThenTheRetryChargesOnce(Fault fault, String operation, String table) {
        if (table == null) {
            stack.faults().inject(fault, operation);
        } else {
            stack.faults().inject(fault, operation, table);
        }

        APIGatewayV2HTTPResponse failed = pay(KEY);

        stack.assertFaultsFired();
        assertEquals(503, failed.getStatusCode(), failed.getBody());
        JsonNode error = json(failed).get("error");
        assertEquals("service_unavailable", error.get("code").asText());
        assertEquals("api_error", error.get("type").asText());
        assertFalse(failed.getBody().contains("Exception") || failed.getBody().contains("Table"), failed.getBody());
        assertEquals(List.of(), stack.transactionsOf(merchant.merchantId()), "no transaction, no event");

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
        environment.deliverJob(eventId);
        assertEquals(List.of(), stack.jobsFor(eventId), "a second delivery job");
        assertEquals(DeliveryStatus.DELIVERED, environment.storedWebhookEvent(eventId).delivery().status());
        assertEquals(1, receiver.receivedFor(eventId).size());
    }

    /** The key's saved answer is replayed from now on, naming the same payment. */
    private void assertReplayed(APIGatewayV2HTTPResponse answered) {
        APIGatewayV2HTTPResponse replay = pay(KEY);
        assertEquals(answered.getBody(), replay.getBody());
        assertEquals("true", replay.getHeaders().get("idempotent-replayed"));
    }

    private Transaction onlyTransaction() {
        return stack.onlyTransactionOf(merchant.merchantId());
    }

    private AuthorizationRecord onlyAuthorization() {
        return stack.onlyAuthorizationOf(merchant.merchantId());
    }

    private WebhookEvent onlyEvent(String transactionId) {
        List<WebhookEvent> events = environment.webhookEvents(transactionId);
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    private APIGatewayV2HTTPResponse pay(String idempotencyKey) {
        return pay(idempotencyKey, "direct-payment-create/success.json");
    }

    private APIGatewayV2HTTPResponse pay(String idempotencyKey, String sample) {
        APIGatewayV2HTTPEvent event = HandlerTestEnvironment.withApiKey(event(sample), merchant.apiKey());
        if (idempotencyKey != null) {
            HandlerTestEnvironment.withHeader(event, "idempotency-key", idempotencyKey);
        }
        return HandlerTestEnvironment.invoke(handler, FUNCTION, event);
    }
}
