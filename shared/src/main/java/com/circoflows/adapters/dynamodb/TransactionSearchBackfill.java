package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.payment.Transaction;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Gives the transactions stored before a release what its list and searches read: their list_key and
 * status_key (until then they are in neither list index, so not listed at all) and every search entry
 * they should have (session, metadata, card last4, customer email), including kinds of entry added
 * after the transaction's keys were. Safe to run again and while the API runs: it reads every
 * transaction (one Scan of the table: an operator's one-off, never a request's read), puts each
 * missing entry with a condition that it does not exist (an entry never changes, so one that exists
 * is right), then sets the two keys, where missing, with a conditional UpdateItem that does nothing if
 * an API write gave them meanwhile (every write of a transaction carries both). A run cut short
 * resumes where it matters: what it did not reach is still missing. Run by
 * {@code bin/admin backfill-transaction-search}.
 */
public final class TransactionSearchBackfill {
    /** What a run did: transactions given their list keys, and search entries written (missing before). */
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
        var pages = dynamoDb.scanPaginator(scan -> scan.tableName(transactionsTable));
        for (Map<String, AttributeValue> item : pages.items()) {
            Transaction transaction = TransactionItems.fromItem(item);
            for (Map<String, AttributeValue> entry : TransactionSearchEntries.entries(transaction)) {
                if (DynamoCalls.conditionally("PutItem", () -> dynamoDb.putItem(put -> put
                        .tableName(searchTable)
                        .item(entry)
                        .conditionExpression("attribute_not_exists(" + TransactionSearchEntries.SEARCH_KEY + ")")))) {
                    entries++;
                }
            }
            if (!item.containsKey(TransactionListKeys.LIST_KEY) && giveListKeys(transaction)) {
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
