package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TransactionSearchBackfillIT {
    private final DynamoDbClient dynamoDb = LocalStackFixture.dynamoDb();
    private final String transactionsTable = LocalStackFixture.table("TransactionsTable");
    private final String searchTable = LocalStackFixture.table("TransactionSearchTable");
    private final DynamoTransactionRepository transactions = new DynamoTransactionRepository(dynamoDb,
            transactionsTable, LocalStackFixture.table("WebhookEventsTable"), searchTable);
    private final DynamoTransactionList list = new DynamoTransactionList(dynamoDb, transactionsTable, searchTable);
    private final TransactionSearchBackfill backfill =
            new TransactionSearchBackfill(dynamoDb, transactionsTable, searchTable);

    @Test
    void aTransactionStoredBeforeTheListIsListedAndFoundAfterTheBackfillAndARepeatChangesNothing() {
        Transaction legacy = storedAsBeforeTheList(AdapterTestData.completed(AdapterTestData.merchantId()));
        TransactionFilter byOrder = new TransactionFilter(null, null, null, null,
                new TransactionFilter.MetadataPair("order_id", "ord_42"));
        assertEquals(List.of(), listed(legacy, TransactionFilter.none()), "not in the list index yet");
        assertEquals(List.of(), listed(legacy, byOrder), "no search entry yet");

        TransactionSearchBackfill.Result first = backfill.run();

        assertEquals(List.of(legacy.transactionId()), listed(legacy, TransactionFilter.none()));
        assertEquals(List.of(legacy.transactionId()), listed(legacy, byOrder));
        assertEquals(List.of(legacy.transactionId()), listed(legacy, new TransactionFilter(legacy.status(), null,
                null, null, null)));
        assertFalse(first.transactions() < 1 || first.entries() < legacy.metadata().size());
        assertEquals(new TransactionSearchBackfill.Result(0, 0), backfill.run(), "nothing left to do");
        assertEquals(legacy, transactions.find(legacy.transactionId()).orElseThrow(), "the rest untouched");
    }

    @Test
    void aTransactionListedBeforeTheCardAndEmailSearchesIsFoundByThemAfterTheBackfill() {
        Transaction listed = AdapterTestData.completed(AdapterTestData.merchantId());
        transactions.insert(listed, null);
        List<Map<String, AttributeValue>> newKinds = TransactionSearchEntries.entries(listed).stream()
                .filter(entry -> entry.get(TransactionSearchEntries.SEARCH_KEY).s().contains("#last4#")
                        || entry.get(TransactionSearchEntries.SEARCH_KEY).s().contains("#email#"))
                .toList();
        assertEquals(2, newKinds.size(), "one card entry and one email entry");
        newKinds.forEach(this::delete);
        TransactionFilter byCard = new TransactionFilter(null, null, null, null, null, listed.card().last4(), null);
        TransactionFilter byEmail = new TransactionFilter(null, null, null, null, null, null, "ada@example.com");
        assertEquals(List.of(), listed(listed, byCard), "no card entry yet");

        TransactionSearchBackfill.Result done = backfill.run();

        assertFalse(done.entries() < 2, "wrote at least its two: " + done);
        assertEquals(List.of(listed.transactionId()), listed(listed, byCard));
        assertEquals(List.of(listed.transactionId()), listed(listed, byEmail));
        assertEquals(new TransactionSearchBackfill.Result(0, 0), backfill.run(), "nothing left to do");
    }

    private void delete(Map<String, AttributeValue> entry) {
        dynamoDb.deleteItem(delete -> delete.tableName(searchTable).key(Map.of(
                TransactionSearchEntries.SEARCH_KEY, entry.get(TransactionSearchEntries.SEARCH_KEY),
                TransactionSearchEntries.SORT_KEY, entry.get(TransactionSearchEntries.SORT_KEY))));
    }

    /** Inserted, then stripped of what this release adds: an item as an older release wrote it. */
    private Transaction storedAsBeforeTheList(Transaction transaction) {
        transactions.insert(transaction, null);
        dynamoDb.updateItem(update -> update.tableName(transactionsTable)
                .key(Map.of("transaction_id", AttributeValue.fromS(transaction.transactionId())))
                .updateExpression("REMOVE " + TransactionListKeys.LIST_KEY + ", " + TransactionListKeys.STATUS_KEY));
        for (Map<String, AttributeValue> entry : TransactionSearchEntries.entries(transaction)) {
            dynamoDb.deleteItem(delete -> delete.tableName(searchTable).key(Map.of(
                    TransactionSearchEntries.SEARCH_KEY, entry.get(TransactionSearchEntries.SEARCH_KEY),
                    TransactionSearchEntries.SORT_KEY, entry.get(TransactionSearchEntries.SORT_KEY))));
        }
        return transaction;
    }

    private List<String> listed(Transaction of, TransactionFilter filter) {
        return list.list(of.merchantId(), Mode.TEST, filter, 100, null).transactions().stream()
                .map(Transaction::transactionId).toList();
    }
}
