package com.circoflows.adapters.dynamodb;

import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.testing.TestAmounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.risk.RiskAssessment;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.domain.webhook.WebhookEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoTransactionRepositoryIT {
    private static final Instant LATER = Instant.parse("2025-07-23T07:15:00.123Z");

    private final DynamoDbClient dynamoDb = LocalStackFixture.dynamoDb();
    private final String transactionsTable = LocalStackFixture.table("TransactionsTable");
    private final String eventsTable = LocalStackFixture.table("WebhookEventsTable");
    private final DynamoTransactionRepository transactions =
            new DynamoTransactionRepository(dynamoDb, transactionsTable, eventsTable,
                    LocalStackFixture.table("TransactionSearchTable"));

    // --- insert -------------------------------------------------------------------------------

    @Test
    void insertWritesTheTransactionAndItsEventTogether() {
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());
        WebhookEvent event = WebhookEvents.announce(transaction, AdapterTestData.PROCESSED_AT);

        transactions.insert(transaction, event);

        assertEquals(transaction, transactions.find(transaction.transactionId()).orElseThrow());
        Map<String, AttributeValue> eventItem = rawEvent(event.eventId());
        assertEquals(transaction.transactionId(), eventItem.get("transaction_id").s());
        assertEquals(transaction.merchantId(), eventItem.get("merchant_id").s());
        assertEquals("payment.succeeded", eventItem.get("type").s());
        assertEquals("pending", eventItem.get("delivery_status").s());
    }

    @Test
    void insertWithoutAnEventWritesOnlyTheTransaction() {
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());

        transactions.insert(transaction, null);

        assertEquals(transaction, transactions.find(transaction.transactionId()).orElseThrow());
        assertEquals(0, eventsOfMerchant(transaction.merchantId()).size());
    }

    @Test
    void insertingAnExistingTransactionIdWritesNeitherTheNewTransactionNorItsEvent() {
        String merchantId = AdapterTestData.merchantId();
        Transaction original = AdapterTestData.completed(merchantId);
        transactions.insert(original, WebhookEvents.announce(original, AdapterTestData.PROCESSED_AT));
        Transaction impostor = new Transaction(original.transactionId(), merchantId, Mode.TEST,
                TransactionStatus.COMPLETED, TestAmounts.of(TransactionStatus.COMPLETED, 1, "USD"),
                CaptureMethod.AUTOMATIC, AdapterTestData.gatewayId(), AdapterTestData.storedCard(),
                ThreeDSecureStatus.NOT_REQUIRED, null, new PaymentDetails(Map.of(), Map.of(), null, null, null),
                null, LATER, LATER, 1);
        WebhookEvent impostorEvent = WebhookEvents.announce(impostor, LATER);

        assertFalse(transactions.insert(impostor, impostorEvent));

        assertEquals(original, transactions.find(original.transactionId()).orElseThrow());
        assertTrue(rawEvent(impostorEvent.eventId()).isEmpty(), "the refused insert's event was written");
        assertEquals(1, eventsOfMerchant(merchantId).size());
    }

    @Test
    void whenTheEventCannotBeWrittenTheTransactionIsNotWrittenEither() {
        String merchantId = AdapterTestData.merchantId();
        Transaction first = AdapterTestData.completed(merchantId);
        WebhookEvent event = WebhookEvents.announce(first, AdapterTestData.PROCESSED_AT);
        transactions.insert(first, event);
        Transaction second = AdapterTestData.completed(merchantId);
        WebhookEvent sameEventId = new WebhookEvent(event.eventId(), merchantId, second.mode(), second.transactionId(),
                WebhookEventType.PAYMENT_SUCCEEDED, LATER, Map.of("transaction_id", second.transactionId()),
                WebhookEvent.DeliveryStatus.PENDING, null);

        assertThrows(IllegalStateException.class, () -> transactions.insert(second, sameEventId));

        assertTrue(transactions.find(second.transactionId()).isEmpty(), "transaction written without its event");
        assertEquals(first.transactionId(), rawEvent(event.eventId()).get("transaction_id").s());
    }

    // --- update -------------------------------------------------------------------------------

    @Test
    void updateAtTheExpectedVersionWritesTheTransactionAndItsEvent() {
        Transaction pending = AdapterTestData.awaitingChallenge(AdapterTestData.merchantId());
        transactions.insert(pending, WebhookEvents.announce(pending, AdapterTestData.CREATED_AT));
        Transaction completed = pending.challengePassed().approve(LATER);
        WebhookEvent succeeded = WebhookEvents.announce(completed, LATER);
        Transaction passed = pending.challengePassed();

        assertTrue(transactions.update(passed, null));
        assertTrue(transactions.update(completed, succeeded));

        Transaction stored = transactions.find(pending.transactionId()).orElseThrow();
        assertEquals(completed, stored);
        assertEquals(3, stored.version());
        assertEquals("payment.succeeded", rawEvent(succeeded.eventId()).get("type").s());
        assertEquals(2, eventsOfMerchant(pending.merchantId()).size());
    }

    @Test
    void versionConflictWritesNeitherTheTransactionNorTheEvent() {
        Transaction pending = AdapterTestData.awaitingChallenge(AdapterTestData.merchantId());
        transactions.insert(pending, WebhookEvents.announce(pending, AdapterTestData.CREATED_AT));
        // Two requests read version 1; the first to write wins.
        Transaction winner = pending.fail(new PaymentFailure(ErrorCode.THREE_D_SECURE_FAILED,
                ErrorCode.THREE_D_SECURE_FAILED.defaultMessage(), "authentication_failed"),
                ThreeDSecureStatus.FAILED, LATER);
        WebhookEvent winnerEvent = WebhookEvents.announce(winner, LATER);
        Transaction loser = pending.approve(LATER.plusSeconds(1));
        WebhookEvent loserEvent = WebhookEvents.announce(loser, LATER.plusSeconds(1));

        assertTrue(transactions.update(winner, winnerEvent));
        assertFalse(transactions.update(loser, loserEvent));

        assertEquals(winner, transactions.find(pending.transactionId()).orElseThrow());
        Map<String, AttributeValue> transactionItem = rawTransaction(pending.transactionId());
        assertEquals("failed", transactionItem.get("status").s());
        assertEquals("2", transactionItem.get("version").n());
        assertTrue(rawEvent(loserEvent.eventId()).isEmpty(), "the losing update's event was written");
        assertFalse(rawEvent(winnerEvent.eventId()).isEmpty());
        assertEquals(List.of("payment.failed", "payment.pending"), eventTypesOfMerchant(pending.merchantId()));
    }

    @Test
    void staleOrSkippedVersionsAreRefusedWithAndWithoutAnEvent() {
        Transaction pending = AdapterTestData.awaitingChallenge(AdapterTestData.merchantId());
        transactions.insert(pending, null);
        Transaction skipsAVersion = pending.challengePassed().approve(LATER); // version 3 over stored 1

        assertFalse(transactions.update(skipsAVersion, WebhookEvents.announce(skipsAVersion, LATER)));
        assertFalse(transactions.update(skipsAVersion, null));
        assertTrue(transactions.update(pending.challengePassed(), null));
        assertFalse(transactions.update(pending.challengePassed(), null), "same version written twice");

        Transaction stored = transactions.find(pending.transactionId()).orElseThrow();
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, stored.threeDSecure());
        assertEquals(2, stored.version());
        assertEquals(0, eventsOfMerchant(pending.merchantId()).size());
    }

    @Test
    void updatingATransactionThatDoesNotExistWritesNothing() {
        Transaction neverStored = AdapterTestData.awaitingChallenge(AdapterTestData.merchantId());
        Transaction next = neverStored.challengePassed();
        Transaction completed = next.approve(LATER);

        assertFalse(transactions.update(next, null));
        assertFalse(transactions.update(completed, WebhookEvents.announce(completed, LATER)));

        assertTrue(transactions.find(neverStored.transactionId()).isEmpty());
        assertEquals(0, eventsOfMerchant(neverStored.merchantId()).size());
    }

    @Test
    void ofEightConcurrentUpdatesFromTheSameVersionExactlyOneWinsAndOnlyItsEventIsWritten() throws Exception {
        Transaction pending = AdapterTestData.awaitingChallenge(AdapterTestData.merchantId());
        transactions.insert(pending, null);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Transaction next = pending.approve(LATER.plusMillis(i));
                WebhookEvent event = WebhookEvents.announce(next, LATER.plusMillis(i));
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        return transactions.update(next, event);
                    } catch (RetryableFailure transactionConflict) {
                        return false; // DynamoDB may cancel a concurrent transaction outright; also a loss
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }

        Transaction stored = transactions.find(pending.transactionId()).orElseThrow();
        assertEquals(2, stored.version());
        List<Map<String, AttributeValue>> events = eventsOfMerchant(pending.merchantId());
        assertEquals(1, events.size(), "one status change, one event");
        assertEquals(Instant.parse(events.get(0).get("created_at").s()), stored.processedAt());
    }

    // --- mapping ------------------------------------------------------------------------------

    @Test
    void everyFieldRoundTripsIncludingNestedCustomerInfoAndMetadata() {
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());
        transactions.insert(transaction, null);

        Transaction found = transactions.find(transaction.transactionId()).orElseThrow();

        assertEquals(transaction, found);
        assertEquals(transaction.customerInfo(), found.customerInfo());
        assertEquals(Map.of("line1", "1 Main St", "line2", "", "city", "Springfield", "postal_code", "12345",
                "country", "US"), found.customerInfo().get("address"));
        assertEquals(9_007_199_254_740_993L, found.metadata().get("big"), "no precision lost past 2^53");
        assertEquals(Boolean.TRUE, found.metadata().get("gift"));
        assertEquals(transaction.card(), found.card());
        Map<String, AttributeValue> item = rawTransaction(transaction.transactionId());
        assertTrue(item.get("customer_info").hasM(), "customer_info is a native map, so it stays queryable");
        assertTrue(item.get("metadata").hasM());
        assertEquals("2025-07-23T07:11:23.456Z", item.get("created_at").s());
    }

    @Test
    void failureWithDeclineCodeAndNoGatewayIdRoundTrips() {
        // Blocked by the fraud screen: failed before any gateway call, so there is no gateway id.
        Transaction blocked = new Transaction(AdapterTestData.transactionId(), AdapterTestData.merchantId(),
                Mode.TEST, TransactionStatus.FAILED, TestAmounts.of(TransactionStatus.FAILED, 2500, "JPY"),
                CaptureMethod.AUTOMATIC, null, AdapterTestData.storedCard(), ThreeDSecureStatus.NOT_REQUIRED,
                new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "fraudulent"),
                new PaymentDetails(Map.of(), Map.of(), null, null, null), new RiskAssessment(100,
                List.of("blocked_card"), true), AdapterTestData.CREATED_AT, AdapterTestData.PROCESSED_AT, 1);
        transactions.insert(blocked, WebhookEvents.announce(blocked, AdapterTestData.PROCESSED_AT));

        Transaction found = transactions.find(blocked.transactionId()).orElseThrow();

        assertEquals(blocked, found);
        assertNull(found.gatewayTransactionId());
        assertFalse(rawTransaction(blocked.transactionId()).containsKey("gateway_transaction_id"));
        assertEquals(new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "fraudulent"),
                found.failure());
    }

    @Test
    void failureWithoutDeclineCodeAndPendingWithoutProcessedAtRoundTrip() {
        String merchantId = AdapterTestData.merchantId();
        Transaction processingError = new Transaction(AdapterTestData.transactionId(), merchantId, Mode.TEST,
                TransactionStatus.FAILED, TestAmounts.of(TransactionStatus.FAILED, 1050, "KWD"),
                CaptureMethod.AUTOMATIC, AdapterTestData.gatewayId(), AdapterTestData.storedCard(),
                ThreeDSecureStatus.NOT_REQUIRED, new PaymentFailure(ErrorCode.PROCESSING_ERROR,
                ErrorCode.PROCESSING_ERROR.defaultMessage(), null), new PaymentDetails(Map.of(), Map.of("retry",
                false), null, "http://localhost:3000/return", null), null, AdapterTestData.CREATED_AT,
                AdapterTestData.PROCESSED_AT, 1);
        Transaction pending = AdapterTestData.awaitingChallenge(merchantId);
        transactions.insert(processingError, null);
        transactions.insert(pending, null);

        assertEquals(processingError, transactions.find(processingError.transactionId()).orElseThrow());
        Transaction foundPending = transactions.find(pending.transactionId()).orElseThrow();
        assertEquals(pending, foundPending);
        assertNull(foundPending.processedAt());
        assertEquals(Map.of(), foundPending.customerInfo());
        assertNull(foundPending.webhookUrl());
        assertNull(foundPending.failure());
    }

    @Test
    void noAttributeHoldsTheCardNumberOrSecurityCode() {
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());
        WebhookEvent event = WebhookEvents.announce(transaction, AdapterTestData.PROCESSED_AT);
        transactions.insert(transaction, event);

        for (Map<String, AttributeValue> item : List.of(rawTransaction(transaction.transactionId()),
                rawEvent(event.eventId()))) {
            item.forEach((name, value) -> {
                String lower = name.toLowerCase();
                assertFalse(lower.contains("cvv") || lower.contains("cvc") || lower.contains("pan")
                        || lower.contains("card_number"), "attribute " + name);
                for (String text : scalars(value)) {
                    assertFalse(text.contains(AdapterTestData.PAN), name + " holds the card number");
                    assertFalse(text.contains("424242424242"), name + " holds most of the card number");
                    assertNotEquals(AdapterTestData.CVV, text, name + " holds the security code");
                    assertFalse(text.contains("\"cvv\"") || text.contains("\"card_number\""), name);
                }
            });
        }
        Map<String, AttributeValue> item = rawTransaction(transaction.transactionId());
        assertEquals("4242", item.get("card_last4").s());
        assertEquals(64, item.get("card_fingerprint").s().length());
    }

    @Test
    void transactionsAreListedByMerchantInCreationOrderThroughTheTemplateIndex() {
        String merchantId = AdapterTestData.merchantId();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Transaction t = AdapterTestData.completed(merchantId);
            // Written newest first; the sortable created_at must put them back in order.
            Transaction older = new Transaction(t.transactionId(), merchantId, t.mode(), t.status(), t.amounts(),
                    CaptureMethod.AUTOMATIC, t.gatewayTransactionId(), t.card(), t.threeDSecure(), null,
                    new PaymentDetails(t.customerInfo(), t.metadata(), null, null, null), null,
                    Instant.parse("2025-07-23T09:00:00Z").minusMillis(1000L * i), t.processedAt(), 1);
            transactions.insert(older, null);
            expected.add(0, older.transactionId());
        }

        List<String> listed = dynamoDb.query(q -> q.tableName(transactionsTable).indexName("by_merchant_created")
                        .keyConditionExpression("merchant_id = :m")
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(merchantId))))
                .items().stream().map(i -> i.get("transaction_id").s()).toList();

        assertEquals(expected, listed);
    }

    // --- configuration ------------------------------------------------------------------------

    @Test
    void readOnlyRepositoryFindsButRefusesToWriteEvents() {
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());
        transactions.insert(transaction, null);
        DynamoTransactionRepository readOnly = DynamoTransactionRepository.readOnly(dynamoDb, transactionsTable);

        assertEquals(transaction, readOnly.find(transaction.transactionId()).orElseThrow());
        Transaction other = AdapterTestData.completed(transaction.merchantId());
        assertThrows(IllegalStateException.class,
                () -> readOnly.insert(other, WebhookEvents.announce(other, LATER)));
        assertTrue(readOnly.find(other.transactionId()).isEmpty());
    }

    @Test
    void unknownTransactionIsEmptyAndAMissingTableIsAConfigurationFault() {
        assertTrue(transactions.find(AdapterTestData.transactionId()).isEmpty());
        DynamoTransactionRepository missing = new DynamoTransactionRepository(dynamoDb, "no-such-table", eventsTable, null);

        assertThrows(IllegalStateException.class, () -> missing.find(AdapterTestData.transactionId()));
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());
        assertThrows(IllegalStateException.class,
                () -> missing.insert(transaction, WebhookEvents.announce(transaction, LATER)));
    }

    // --- helpers ------------------------------------------------------------------------------

    private Map<String, AttributeValue> rawTransaction(String transactionId) {
        return dynamoDb.getItem(get -> get.tableName(transactionsTable).consistentRead(true)
                .key(Map.of("transaction_id", AttributeValue.fromS(transactionId)))).item();
    }

    private Map<String, AttributeValue> rawEvent(String eventId) {
        return dynamoDb.getItem(get -> get.tableName(eventsTable).consistentRead(true)
                .key(Map.of("event_id", AttributeValue.fromS(eventId)))).item();
    }

    private List<Map<String, AttributeValue>> eventsOfMerchant(String merchantId) {
        return dynamoDb.query(q -> q.tableName(eventsTable).indexName("by_merchant_created")
                .keyConditionExpression("merchant_id = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(merchantId)))).items();
    }

    private List<String> eventTypesOfMerchant(String merchantId) {
        return eventsOfMerchant(merchantId).stream().map(i -> i.get("type").s()).sorted().toList();
    }

    /** Every string and number inside an attribute, maps and lists included. */
    private static List<String> scalars(AttributeValue value) {
        List<String> out = new ArrayList<>();
        if (value.s() != null) {
            out.add(value.s());
        }
        if (value.n() != null) {
            out.add(value.n());
        }
        if (value.hasSs()) {
            out.addAll(value.ss());
        }
        if (value.hasNs()) {
            out.addAll(value.ns());
        }
        if (value.hasM()) {
            value.m().forEach((k, v) -> {
                out.add(k);
                out.addAll(scalars(v));
            });
        }
        if (value.hasL()) {
            value.l().forEach(v -> out.addAll(scalars(v)));
        }
        return out;
    }
}
