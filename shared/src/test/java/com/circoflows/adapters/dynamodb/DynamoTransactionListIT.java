package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.payment.TransactionFilter;
import com.circoflows.domain.payment.TransactionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoTransactionListIT {
    private final DynamoDbClient dynamoDb = LocalStackFixture.dynamoDb();
    private final String transactionsTable = LocalStackFixture.table("TransactionsTable");
    private final String searchTable = LocalStackFixture.table("TransactionSearchTable");
    private final DynamoTransactionRepository transactions = new DynamoTransactionRepository(dynamoDb,
            transactionsTable, LocalStackFixture.table("WebhookEventsTable"), searchTable);
    private final DynamoTransactionList list = new DynamoTransactionList(dynamoDb, transactionsTable, searchTable);

    @Test
    void aModeListsOnlyItsOwnTransactionsWhateverTheFilter() {
        String merchantId = AdapterTestData.merchantId();
        Transaction test = AdapterTestData.completed(merchantId);
        Transaction live = withMode(AdapterTestData.completed(merchantId), Mode.LIVE);
        transactions.insert(test, null);
        transactions.insert(live, null);
        TransactionFilter byOrder = new TransactionFilter(null, null, null, null,
                new TransactionFilter.MetadataPair("order_id", "ord_42"));

        for (TransactionFilter filter : List.of(TransactionFilter.none(), byOrder,
                new TransactionFilter(test.status(), null, null, null, null),
                new TransactionFilter(null, null, null, null, null, test.card().last4(), null),
                new TransactionFilter(null, null, null, null, null, null, "ada@example.com"))) {
            assertEquals(List.of(test.transactionId()), ids(merchantId, Mode.TEST, filter));
            assertEquals(List.of(live.transactionId()), ids(merchantId, Mode.LIVE, filter));
        }
    }

    @Test
    void aMetadataValueTooLongForAKeyIsFoundByItsDigest() {
        String merchantId = AdapterTestData.merchantId();
        String longValue = "€".repeat(500); // 1,500 bytes: the entry is keyed by its SHA-256
        Transaction tagged = withMetadata(AdapterTestData.completed(merchantId), Map.of("note", longValue));
        transactions.insert(tagged, null);
        transactions.insert(withMetadata(AdapterTestData.completed(merchantId), Map.of("note", "€".repeat(499))), null);

        assertEquals(List.of(tagged.transactionId()), ids(merchantId, Mode.TEST, new TransactionFilter(null, null,
                null, null, new TransactionFilter.MetadataPair("note", longValue))));
    }

    @Test
    void aMetadataKeyWithAHashNeverMeetsAnotherSplitOfTheSameText() {
        String merchantId = AdapterTestData.merchantId();
        Transaction hashInKey = withMetadata(AdapterTestData.completed(merchantId), Map.of("a#b", "c"));
        Transaction hashInValue = withMetadata(AdapterTestData.completed(merchantId), Map.of("a", "b#c"));
        transactions.insert(hashInKey, null);
        transactions.insert(hashInValue, null);

        assertEquals(List.of(hashInKey.transactionId()), ids(merchantId, Mode.TEST, new TransactionFilter(null, null,
                null, null, new TransactionFilter.MetadataPair("a#b", "c"))));
        assertEquals(List.of(hashInValue.transactionId()), ids(merchantId, Mode.TEST, new TransactionFilter(null,
                null, null, null, new TransactionFilter.MetadataPair("a", "b#c"))));
    }

    @Test
    void cardAndEmailSearchesWalkTheirEightKeysNewestFirstShowingEachPaymentOnce() {
        String merchantId = AdapterTestData.merchantId();
        Transaction model = AdapterTestData.completed(merchantId);
        StoredCard otherCard = new StoredCard(model.card().brand(), "0005", 12, 2030, model.card().fingerprint());
        List<Transaction> byAda = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Few distinct times, so ties across and within keys; the email in varying case.
            Transaction t = with(model, Instant.parse("2030-01-01T00:00:00Z").plusMillis(i % 7),
                    i % 2 == 0 ? "Ada@Example.COM" : "ada@example.com", model.card());
            transactions.insert(t, null);
            byAda.add(t);
        }
        Transaction otherCustomer = with(model, model.createdAt(), "grace@example.com", model.card());
        Transaction otherCardOfAda = with(model, model.createdAt(), "ada@example.com", otherCard);
        transactions.insert(otherCustomer, null);
        transactions.insert(otherCardOfAda, null);
        List<Transaction> byCard = new ArrayList<>(byAda);
        byCard.add(otherCustomer);
        List<Transaction> byEmail = new ArrayList<>(byAda);
        byEmail.add(otherCardOfAda);

        TransactionFilter email = new TransactionFilter(null, null, null, null, null, null, "ada@example.com");
        TransactionFilter card = new TransactionFilter(null, null, null, null, null, model.card().last4(), null);
        for (int limit : List.of(1, 4, 100)) {
            assertEquals(newestFirst(byEmail), walk(merchantId, email, limit), "email, limit " + limit);
            assertEquals(newestFirst(byCard), walk(merchantId, card, limit), "card, limit " + limit);
        }
        assertEquals(List.of(otherCardOfAda.transactionId()), ids(merchantId, Mode.TEST,
                new TransactionFilter(null, null, null, null, null, "0005", null)));
        assertEquals(List.of(), ids(merchantId, Mode.TEST,
                new TransactionFilter(TransactionStatus.FAILED, null, null, null, null, null, "ada@example.com")));
        assertEquals(newestFirst(List.of(byAda.get(6), byAda.get(13), byAda.get(20))), ids(merchantId, Mode.TEST,
                new TransactionFilter(null, Instant.parse("2030-01-01T00:00:00.006Z"), null, null, null,
                        model.card().last4(), null)), "a created range is exact");
    }

    private List<String> walk(String merchantId, TransactionFilter filter, int limit) {
        List<String> shown = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 200; page++) {
            var found = list.list(merchantId, Mode.TEST, filter, limit, cursor);
            found.transactions().forEach(t -> shown.add(t.transactionId()));
            if (found.nextCursor() == null) {
                return shown;
            }
            cursor = found.nextCursor();
        }
        throw new AssertionError("more than 200 pages");
    }

    private static List<String> newestFirst(List<Transaction> transactions) {
        return transactions.stream()
                .sorted(Comparator.comparing(Transaction::createdAt).thenComparing(Transaction::transactionId)
                        .reversed())
                .map(Transaction::transactionId).toList();
    }

    private static Transaction with(Transaction t, Instant createdAt, String email, StoredCard card) {
        Map<String, Object> customer = new LinkedHashMap<>(t.customerInfo());
        customer.put("email", email);
        return new Transaction(AdapterTestData.transactionId(), t.merchantId(), t.mode(), t.status(), t.amounts(),
                t.captureMethod(), t.gatewayTransactionId(), card, t.threeDSecure(), t.failure(),
                new PaymentDetails(customer, Map.of(), t.webhookUrl(), t.returnUrl(), t.sessionId()),
                t.risk(), createdAt, t.processedAt(), t.version());
    }

    private List<String> ids(String merchantId, Mode mode, TransactionFilter filter) {
        return list.list(merchantId, mode, filter, 100, null).transactions().stream()
                .map(Transaction::transactionId).toList();
    }

    private static Transaction withMode(Transaction t, Mode mode) {
        return new Transaction(AdapterTestData.transactionId(), t.merchantId(), mode, t.status(), t.amounts(),
                t.captureMethod(), t.gatewayTransactionId(), t.card(), t.threeDSecure(), t.failure(), t.details(),
                t.risk(), t.createdAt(), t.processedAt(), t.version());
    }

    private static Transaction withMetadata(Transaction t, Map<String, Object> metadata) {
        return new Transaction(AdapterTestData.transactionId(), t.merchantId(), t.mode(), t.status(), t.amounts(),
                t.captureMethod(), t.gatewayTransactionId(), t.card(), t.threeDSecure(), t.failure(),
                new PaymentDetails(t.customerInfo(), metadata, t.webhookUrl(), t.returnUrl(), t.sessionId()),
                t.risk(), t.createdAt(), t.processedAt(), t.version());
    }
}
