package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.banktransfer.PendingTransfers;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Transactions, written in one TransactWriteItems with the webhook event their change causes: the
 * event can't be lost and can't exist without the change. Updates are optimistic on {@code version}.
 */
public final class DynamoTransactionRepository implements TransactionRepository, PendingTransfers {
    /** Sparse: only authorized payments carry capture_key, sorted by created_at. */
    static final String BY_CAPTURE_KEY = "by_capture_key";
    /** Sparse: only bank transfers waiting for money carry transfer_expiry_key, sorted by their expiry. */
    static final String BY_TRANSFER_EXPIRY = "by_transfer_expiry";

    private final DynamoDbClient dynamoDb;
    private final String transactionsTable;
    private final String eventsTable;
    /** Null where the function only updates transactions: inserting one needs its search entries. */
    private final String searchTable;

    /**
     * @param searchTable the transaction search table (session and metadata entries written with each
     *     insert); null for a function that never creates a transaction
     */
    public DynamoTransactionRepository(DynamoDbClient dynamoDb, String transactionsTable, String eventsTable,
            String searchTable) {
        this.dynamoDb = dynamoDb;
        this.transactionsTable = transactionsTable;
        this.eventsTable = eventsTable;
        this.searchTable = searchTable;
    }

    /** For functions that only read transactions and are given no events table. */
    public static DynamoTransactionRepository readOnly(DynamoDbClient dynamoDb, String transactionsTable) {
        return new DynamoTransactionRepository(dynamoDb, transactionsTable, null, null);
    }

    /**
     * The transaction, its event and its search entries in one TransactWriteItems: a payment is never
     * listed by session or metadata without existing, nor exists without being found that way.
     */
    @Override
    public boolean insert(Transaction transaction, WebhookEvent event) {
        Put put = Put.builder()
                .tableName(transactionsTable)
                .item(TransactionItems.toItem(transaction))
                .conditionExpression("attribute_not_exists(transaction_id)")
                .build();
        List<Map<String, AttributeValue>> entries = TransactionSearchEntries.entries(transaction);
        if (entries.isEmpty()) {
            return write(put, event);
        }
        if (searchTable == null) {
            throw new IllegalStateException("this repository was built without the transaction search table");
        }
        return write(put, event, TransactionSearchEntries.puts(searchTable, transaction));
    }

    @Override
    public Optional<Transaction> find(String transactionId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(transactionsTable)
                .key(Map.of("transaction_id", s(transactionId)))
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TransactionItems.fromItem(item));
    }

    @Override
    public boolean update(Transaction updated, WebhookEvent event) {
        Put put = Put.builder()
                .tableName(transactionsTable)
                .item(TransactionItems.toItem(updated))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(updated.version() - 1)))
                .build();
        return write(put, event);
    }

    @Override
    public List<Transaction> authorizedCreatedBefore(Instant before, int limit) {
        return DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                .tableName(transactionsTable)
                .indexName(BY_CAPTURE_KEY)
                .keyConditionExpression(TransactionItems.CAPTURE_KEY + " = :authorized AND created_at < :before")
                .expressionAttributeValues(Map.of(":authorized", s(TransactionItems.AUTHORIZED),
                        ":before", Attributes.time(before)))
                .limit(limit))).items().stream().map(TransactionItems::fromItem).toList();
    }

    /** Queries the expiry index's shards and merges them, soonest first. */
    @Override
    public List<Transaction> expiringBy(Instant now, int limit) {
        List<Transaction> due = new ArrayList<>();
        for (int shard = 0; shard < TransactionItems.TRANSFER_EXPIRY_SHARDS; shard++) {
            String key = TransactionItems.transferExpiryKey(shard);
            due.addAll(DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                    .tableName(transactionsTable)
                    .indexName(BY_TRANSFER_EXPIRY)
                    .keyConditionExpression(TransactionItems.TRANSFER_EXPIRY_KEY + " = :key AND "
                            + TransactionItems.TRANSFER_EXPIRES_AT + " <= :now")
                    .expressionAttributeValues(Map.of(":key", s(key), ":now", Attributes.time(now)))
                    .limit(limit))).items().stream().map(TransactionItems::fromItem).toList());
        }
        due.sort(java.util.Comparator.comparing(t -> t.bankTransfer().expiresAt()));
        return due.size() > limit ? List.copyOf(due.subList(0, limit)) : due;
    }

    /** The table name, for adapters that write a transaction in a transaction of their own (bank credits). */
    String transactionsTable() {
        return transactionsTable;
    }

    /**
     * Returns false when the transaction's condition failed; nothing was written then. The event's own
     * condition (a new, random id) failing is a bug, not an outcome.
     */
    private boolean write(Put transactionPut, WebhookEvent event) {
        return write(transactionPut, event, List.of());
    }

    /** As {@link #write(Put, WebhookEvent)}, with further puts (search entries) in the same transaction. */
    private boolean write(Put transactionPut, WebhookEvent event, List<TransactWriteItem> alongside) {
        if (event == null && alongside.isEmpty()) {
            return DynamoCalls.call("PutItem", () -> {
                try {
                    dynamoDb.putItem(p -> p.tableName(transactionPut.tableName())
                            .item(transactionPut.item())
                            .conditionExpression(transactionPut.conditionExpression())
                            .expressionAttributeValues(transactionPut.expressionAttributeValues().isEmpty()
                                    ? null : transactionPut.expressionAttributeValues()));
                    return true;
                } catch (ConditionalCheckFailedException e) {
                    return false;
                }
            });
        }
        if (event != null && eventsTable == null) {
            throw new IllegalStateException("this repository was built read-only");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(transactionPut).build());
        if (event != null) {
            writes.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(eventsTable)
                    .item(WebhookEventItems.toItem(event))
                    .conditionExpression("attribute_not_exists(event_id)")
                    .build()).build());
        }
        writes.addAll(alongside);
        return DynamoCalls.call("TransactWriteItems", () -> {
            try {
                dynamoDb.transactWriteItems(t -> t.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                if (DynamoCalls.conditionFailed(e, 0)) {
                    return false;
                }
                if (event != null && DynamoCalls.conditionFailed(e, 1)) {
                    throw new IllegalStateException("webhook event id collision: " + event.eventId(), e);
                }
                throw e;
            }
        });
    }
}
