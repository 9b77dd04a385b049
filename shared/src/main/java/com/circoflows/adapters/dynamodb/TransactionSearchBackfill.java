package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.payment.Transaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Gives the transactions stored before GET /api/direct-payment existed what it reads: their list_key
 * and status_key (until then they are in neither list index, so not listed at all) and their session
 * and metadata search entries. Safe to run again and while the API runs: it reads only transactions
 * that still lack list_key (one Scan of the table: an operator's one-off, never a request's read),
 * writes each one's entries first (a put of an identical item again changes nothing), then sets the
 * two keys with a conditional UpdateItem that does nothing if an API write gave them meanwhile (every
 * write of a transaction carries both). A run cut short resumes where it stopped: an item whose
 * entries were written but keys not set is simply done again. Run by
 * {@code bin/admin backfill-transaction-search}.
 */
public final class TransactionSearchBackfill {
    /** What a run did: transactions given their list keys, and search entries written. */
    public record Result(int transactions, int entries) {
    }

    private final DynamoDbClient dynamoDb;
    private final String transactionsTable;
    private final String searchTable;

    public TransactionSearchBackfill(DynamoDbClient dynamoDb, String transactionsTable, String searchTable) {
        this.dynamoDb = dynamoDb;
        this.transactionsTable = transactionsTable;
        this.searchTable = searchTable;
    }

    public Result run() {
        int transactions = 0;
        int entries = 0;
        var pages = dynamoDb.scanPaginator(scan -> scan
                .tableName(transactionsTable)
                .filterExpression("attribute_not_exists(" + TransactionListKeys.LIST_KEY + ")"));
        for (Map<String, AttributeValue> item : pages.items()) {
            Transaction transaction = TransactionItems.fromItem(item);
            List<Map<String, AttributeValue>> searchEntries = TransactionSearchEntries.entries(transaction);
            for (Map<String, AttributeValue> entry : searchEntries) {
                DynamoCalls.call("PutItem", () -> dynamoDb.putItem(put -> put.tableName(searchTable).item(entry)));
            }
            entries += searchEntries.size();
            if (giveListKeys(transaction)) {
                transactions++;
            }
        }
        return new Result(transactions, entries);
    }

    private boolean giveListKeys(Transaction transaction) {
        Map<String, AttributeValue> keys = new HashMap<>();
        TransactionItems.putListKeys(keys, transaction.transactionId(), transaction.merchantId(), transaction.mode(),
                transaction.status());
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(transactionsTable)
                .key(Map.of("transaction_id", s(transaction.transactionId())))
                .updateExpression("SET " + TransactionListKeys.LIST_KEY + " = :list, "
                        + TransactionListKeys.STATUS_KEY + " = :status")
                // The status it was read with: a transaction whose status changed since was rewritten whole,
                // keys included, so this update has nothing left to do.
                .conditionExpression("attribute_exists(transaction_id) AND attribute_not_exists("
                        + TransactionListKeys.LIST_KEY + ") AND #status = :read")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":list", keys.get(TransactionListKeys.LIST_KEY),
                        ":status", keys.get(TransactionListKeys.STATUS_KEY),
                        ":read", s(transaction.status().wireName())))));
    }
}
