package com.circoflows.adapters.dynamodb;

import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.testing.TestAmounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.session.DeclineLimits;
import com.circoflows.domain.session.PageLocale;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.PaymentSessionRepository.TransactionChange;
import com.circoflows.domain.session.SessionStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvents;
import com.circoflows.domain.ids.RandomIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The session adapter against DynamoDB Local, provisioned from template.yaml. */
class DynamoPaymentSessionRepositoryIT {
    private static final Instant NOW = AdapterTestData.CREATED_AT;

    private final DynamoDbClient dynamoDb = LocalStackFixture.dynamoDb();
    private final String sessionsTable = LocalStackFixture.table("PaymentSessionsTable");
    private final String transactionsTable = LocalStackFixture.table("TransactionsTable");
    private final String eventsTable = LocalStackFixture.table("WebhookEventsTable");
    private final DynamoPaymentSessionRepository sessions =
            new DynamoPaymentSessionRepository(dynamoDb, sessionsTable, transactionsTable, eventsTable,
                    LocalStackFixture.table("TransactionSearchTable"));
    private final DynamoTransactionRepository transactions =
            new DynamoTransactionRepository(dynamoDb, transactionsTable, eventsTable,
                    LocalStackFixture.table("TransactionSearchTable"));

    private static PaymentSession pending(String merchantId) {
        return new PaymentSession(RandomIds.withPrefix("sess_", 24), merchantId, Mode.TEST, 25000, "USD",
                "Premium Subscription - Annual Plan", AdapterTestData.customerInfo(), AdapterTestData.metadata(),
                "https://your-site.com/webhooks/payment", "https://your-site.com/payment/success?x=1#top",
                SessionStatus.PENDING, null, null, null, null, NOW, NOW.plus(Duration.ofHours(24)), null, null, 1);
    }

    /** The session's payment, as the engine would return it. */
    private static Transaction paymentOf(PaymentSession session, String transactionId) {
        return new Transaction(transactionId, session.merchantId(), Mode.TEST, TransactionStatus.COMPLETED,
                TestAmounts.of(TransactionStatus.COMPLETED, session.amount(), session.currency()),
                CaptureMethod.AUTOMATIC, AdapterTestData.gatewayId(), AdapterTestData.storedCard(),
                ThreeDSecureStatus.NOT_REQUIRED, null, new PaymentDetails(session.customerInfo(), session.metadata(),
                session.webhookUrl(), null, session.sessionId()), null, NOW, NOW, 1);
    }

    // --- mapping ------------------------------------------------------------------------------

    @Test
    void pendingSessionRoundTripsWithEveryField() {
        PaymentSession session = pending(AdapterTestData.merchantId());

        sessions.insert(session);

        assertEquals(session, sessions.find(session.sessionId()).orElseThrow());
    }

    @Test
    void aSessionsPageLanguageRoundTripsAndAutoIsNotStored() {
        PaymentSession auto = pending(AdapterTestData.merchantId());
        PaymentSession p = pending(AdapterTestData.merchantId());
        PaymentSession japanese = new PaymentSession(p.sessionId(), p.merchantId(), p.mode(), p.amount(), p.currency(),
                p.description(), p.customerInfo(), p.metadata(), p.webhookUrl(), p.returnUrl(), p.status(), null, null,
                null, null, p.createdAt(), p.expiresAt(), null, null, 1, 0, null, CaptureMethod.AUTOMATIC,
                PageLocale.JA);
        sessions.insert(auto);
        sessions.insert(japanese);

        assertEquals(PageLocale.JA, sessions.find(japanese.sessionId()).orElseThrow().locale());
        assertEquals(PageLocale.AUTO, sessions.find(auto.sessionId()).orElseThrow().locale());
        assertEquals(japanese.withCustomerInfo(p.customerInfo()).locale(), PageLocale.JA, "changes keep the language");
    }

    @Test
    void attemptLeaseFailureAndFinalTimesRoundTrip() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        PaymentSession leased = session.lease(AdapterTestData.transactionId(), NOW.plusSeconds(30));
        PaymentSession failed = leased.attemptFailed(new PaymentFailure(ErrorCode.CARD_DECLINED,
                "Your card was declined.", "generic_decline"), NOW.plusSeconds(1));
        PaymentSession cancelled = failed.cancel(NOW.plusSeconds(90));

        assertTrue(sessions.update(leased));
        assertEquals(leased, sessions.find(session.sessionId()).orElseThrow());
        assertTrue(sessions.update(failed));
        assertEquals(failed, sessions.find(session.sessionId()).orElseThrow());
        assertEquals(1, failed.failedAttempts());
        assertTrue(sessions.update(cancelled));
        assertEquals(cancelled, sessions.find(session.sessionId()).orElseThrow());
    }

    @Test
    void aSessionAwaitingABankTransferRoundTripsWithUntilWhen() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        PaymentSession leased = session.lease(AdapterTestData.transactionId(), NOW.plusSeconds(30));
        PaymentSession awaiting = leased.awaitingTransfer(leased.attemptTransactionId(), NOW.plus(Duration.ofDays(7)));

        assertTrue(sessions.update(leased));
        assertTrue(sessions.update(awaiting));

        PaymentSession read = sessions.find(session.sessionId()).orElseThrow();
        assertEquals(awaiting, read);
        assertEquals(NOW.plus(Duration.ofDays(7)), read.awaitingTransferUntil());
        assertTrue(read.awaitsTransfer());
    }

    @Test
    void aSessionLockedByTooManyDeclinesRoundTripsWithItsLock() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        PaymentSession current = session;
        for (int i = 0; i < DeclineLimits.PER_SESSION; i++) {
            PaymentSession leased = current.lease(AdapterTestData.transactionId(), NOW.plusSeconds(30));
            assertTrue(sessions.update(leased));
            current = leased.attemptFailed(new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.",
                    "generic_decline"), NOW);
            assertTrue(sessions.update(current));
            assertEquals(current, sessions.find(session.sessionId()).orElseThrow());
        }

        assertEquals(NOW.plus(DeclineLimits.SESSION_LOCK), current.lockedUntil());
        assertTrue(current.lockedAt(NOW));
    }

    @Test
    void unknownSessionIsEmpty() {
        assertTrue(sessions.find("sess_ABCDEFGHIJKLMNOPQRSTUVWX").isEmpty());
    }

    @Test
    void insertingAnExistingIdIsRefusedAndKeepsTheOriginal() {
        PaymentSession original = pending(AdapterTestData.merchantId());
        sessions.insert(original);
        PaymentSession impostor = new PaymentSession(original.sessionId(), AdapterTestData.merchantId(), Mode.TEST, 1,
                "USD", "x", Map.of(), Map.of(), null, null, SessionStatus.PENDING, null, null, null, null, NOW, NOW,
                null, null, 1);

        assertThrows(IllegalStateException.class, () -> sessions.insert(impostor));
        assertEquals(original, sessions.find(original.sessionId()).orElseThrow());
    }

    @Test
    void sessionsAreIndexedByMerchantAndCreationTime() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);

        var items = dynamoDb.query(q -> q.tableName(sessionsTable).indexName("by_merchant_created")
                .keyConditionExpression("merchant_id = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(session.merchantId())))).items();

        assertEquals(1, items.size());
        assertEquals(session.sessionId(), items.get(0).get("session_id").s());
    }

    // --- optimistic updates and the lease -----------------------------------------------------

    @Test
    void staleUpdateWritesNothing() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        PaymentSession cancelled = session.cancel(NOW);
        assertTrue(sessions.update(cancelled));

        assertFalse(sessions.update(session.expire()), "written from version 1, but the store is at 2");
        assertEquals(cancelled, sessions.find(session.sessionId()).orElseThrow());
    }

    @Test
    void leaseIsTakenOnceFromTheSameVersion() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        PaymentSession first = session.lease(AdapterTestData.transactionId(), NOW.plusSeconds(30));
        PaymentSession second = session.lease(AdapterTestData.transactionId(), NOW.plusSeconds(30));

        assertTrue(sessions.takeLease(first, NOW));
        assertFalse(sessions.takeLease(second, NOW));
        assertEquals(first, sessions.find(session.sessionId()).orElseThrow());
    }

    @Test
    void liveLeaseBlocksAnotherEvenWithTheRightVersionUntilItRunsOut() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        PaymentSession leased = session.lease(AdapterTestData.transactionId(), NOW.plusSeconds(30));
        assertTrue(sessions.takeLease(leased, NOW));
        PaymentSession takeover = leased.lease(AdapterTestData.transactionId(), NOW.plusSeconds(60));

        assertFalse(sessions.takeLease(takeover, NOW.plusSeconds(29)), "the first lease is still live");
        assertTrue(sessions.takeLease(takeover, NOW.plusSeconds(30)), "it ran out");
    }

    @Test
    void leaseOnAFinishedSessionIsRefused() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        PaymentSession cancelled = session.cancel(NOW);
        assertTrue(sessions.update(cancelled));
        // A lease built as if the session were still pending at version 2 (a stale reader's view).
        PaymentSession staleView = new PaymentSession(session.sessionId(), session.merchantId(), session.mode(),
                session.amount(), session.currency(), session.description(), session.customerInfo(),
                session.metadata(), session.webhookUrl(), session.returnUrl(), SessionStatus.PENDING, null, null, null,
                null, session.createdAt(), session.expiresAt(), null, null, 2);

        assertFalse(sessions.takeLease(staleView.lease(AdapterTestData.transactionId(), NOW.plusSeconds(30)), NOW));
        assertEquals(cancelled, sessions.find(session.sessionId()).orElseThrow());
    }

    @Test
    void simultaneousLeasesOnOneSessionHaveExactlyOneWinner() throws Exception {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                PaymentSession leased = session.lease(AdapterTestData.transactionId(), NOW.plusSeconds(30));
                results.add(pool.submit(() -> {
                    start.await();
                    return sessions.takeLease(leased, NOW);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- the atomic payment write -------------------------------------------------------------

    @Test
    void commitWritesTheSessionTheTransactionAndItsEventTogether() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        String txnId = AdapterTestData.transactionId();
        PaymentSession leased = session.lease(txnId, NOW.plusSeconds(30));
        assertTrue(sessions.takeLease(leased, NOW));
        Transaction payment = paymentOf(session, txnId);
        WebhookEvent event = WebhookEvents.announce(payment, NOW);
        PaymentSession paid = leased.complete(txnId, NOW);

        assertTrue(sessions.commit(paid, TransactionChange.inserted(payment, event)));

        assertEquals(paid, sessions.find(session.sessionId()).orElseThrow());
        assertEquals(payment, transactions.find(txnId).orElseThrow());
        Map<String, AttributeValue> eventItem = rawEvent(event.eventId());
        assertEquals(txnId, eventItem.get("transaction_id").s());
        assertEquals("payment.succeeded", eventItem.get("type").s());
        assertTrue(eventItem.get("data").s().contains("\"session_id\":\"" + session.sessionId() + "\""));
        assertEquals(session.sessionId(), rawTransaction(txnId).get("session_id").s());
    }

    @Test
    void commitAgainstAStaleSessionWritesNeitherTheTransactionNorItsEvent() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        String txnId = AdapterTestData.transactionId();
        PaymentSession leased = session.lease(txnId, NOW.plusSeconds(30));
        assertTrue(sessions.takeLease(leased, NOW));
        // The lease ran out and another submission moved the session on.
        PaymentSession takenOver = leased.lease(AdapterTestData.transactionId(), NOW.plusSeconds(60));
        assertTrue(sessions.takeLease(takenOver, NOW.plusSeconds(31)));
        Transaction payment = paymentOf(session, txnId);
        WebhookEvent event = WebhookEvents.announce(payment, NOW);

        assertFalse(sessions.commit(leased.complete(txnId, NOW), TransactionChange.inserted(payment, event)));

        assertEquals(takenOver, sessions.find(session.sessionId()).orElseThrow());
        assertTrue(transactions.find(txnId).isEmpty(), "no transaction without its session change");
        assertTrue(rawEvent(event.eventId()).isEmpty(), "no event either");
    }

    @Test
    void commitOfATransactionIdThatExistsWritesNoSessionChange() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        Transaction existing = AdapterTestData.completed(session.merchantId());
        transactions.insert(existing, null);
        PaymentSession leased = session.lease(existing.transactionId(), NOW.plusSeconds(30));
        assertTrue(sessions.takeLease(leased, NOW));
        Transaction clash = paymentOf(session, existing.transactionId());
        WebhookEvent event = WebhookEvents.announce(clash, NOW);

        assertFalse(sessions.commit(leased.complete(clash.transactionId(), NOW),
                TransactionChange.inserted(clash, event)));

        assertEquals(leased, sessions.find(session.sessionId()).orElseThrow());
        assertEquals(existing, transactions.find(existing.transactionId()).orElseThrow());
        assertTrue(rawEvent(event.eventId()).isEmpty());
    }

    @Test
    void commitUpdatingAPaymentIsOptimisticOnTheTransactionsVersion() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        Transaction pendingPayment = AdapterTestData.awaitingChallenge(session.merchantId()).challengePassed();
        transactions.insert(pendingPayment, null);
        PaymentSession leased = session.lease(pendingPayment.transactionId(), NOW.plusSeconds(30));
        assertTrue(sessions.takeLease(leased, NOW));
        Transaction completed = pendingPayment.approve(NOW);
        Transaction staleCompletion = AdapterTestData.awaitingChallenge(session.merchantId()).approve(NOW);

        assertFalse(sessions.commit(leased.complete(completed.transactionId(), NOW), TransactionChange.updated(
                new Transaction(pendingPayment.transactionId(), staleCompletion.merchantId(), Mode.TEST,
                        TransactionStatus.COMPLETED, TestAmounts.of(TransactionStatus.COMPLETED, 1, "EUR"),
                        CaptureMethod.AUTOMATIC, staleCompletion.gatewayTransactionId(), staleCompletion.card(),
                        ThreeDSecureStatus.AUTHENTICATED, null, new PaymentDetails(Map.of(), Map.of(), null, null,
                        null), null, NOW, NOW, 7),
                WebhookEvents.announce(completed, NOW))), "version 7 does not follow the stored 2");
        assertTrue(sessions.commit(leased.complete(completed.transactionId(), NOW),
                TransactionChange.updated(completed, WebhookEvents.announce(completed, NOW))));

        assertEquals(completed, transactions.find(completed.transactionId()).orElseThrow());
        assertEquals(SessionStatus.COMPLETED, sessions.find(session.sessionId()).orElseThrow().status());
    }

    @Test
    void sessionsOnlyRepositoryCannotWritePayments() {
        DynamoPaymentSessionRepository merchantSide = DynamoPaymentSessionRepository.sessionsOnly(dynamoDb, sessionsTable);
        PaymentSession session = pending(AdapterTestData.merchantId());
        Transaction payment = paymentOf(session, AdapterTestData.transactionId());

        assertThrows(IllegalStateException.class, () -> merchantSide.commit(session.complete(payment.transactionId(),
                NOW), TransactionChange.inserted(payment, WebhookEvents.announce(payment, NOW))));
    }

    @Test
    void noCardNumberOrCvvIsStoredWithASessionsPayment() {
        PaymentSession session = pending(AdapterTestData.merchantId());
        sessions.insert(session);
        String txnId = AdapterTestData.transactionId();
        PaymentSession leased = session.lease(txnId, NOW.plusSeconds(30));
        assertTrue(sessions.takeLease(leased, NOW));
        Transaction payment = paymentOf(session, txnId);
        sessions.commit(leased.complete(txnId, NOW), TransactionChange.inserted(payment, WebhookEvents.announce(payment, NOW)));

        for (Map<String, AttributeValue> item : List.of(rawSession(session.sessionId()), rawTransaction(txnId))) {
            item.forEach((name, value) -> {
                assertFalse(value.toString().contains(AdapterTestData.PAN), name);
                assertFalse(AdapterTestData.CVV.equals(value.s()), name + " holds the cvv");
            });
        }
    }

    private Map<String, AttributeValue> rawEvent(String eventId) {
        return dynamoDb.getItem(g -> g.tableName(eventsTable).consistentRead(true)
                .key(Map.of("event_id", AttributeValue.fromS(eventId)))).item();
    }

    private Map<String, AttributeValue> rawTransaction(String transactionId) {
        return dynamoDb.getItem(g -> g.tableName(transactionsTable).consistentRead(true)
                .key(Map.of("transaction_id", AttributeValue.fromS(transactionId)))).item();
    }

    private Map<String, AttributeValue> rawSession(String sessionId) {
        return dynamoDb.getItem(g -> g.tableName(sessionsTable).consistentRead(true)
                .key(Map.of("session_id", AttributeValue.fromS(sessionId)))).item();
    }
}
