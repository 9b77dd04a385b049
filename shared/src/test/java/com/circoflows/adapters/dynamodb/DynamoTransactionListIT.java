package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionFilter;
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
                new TransactionFilter(test.status(), null, null, null, null))) {
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
