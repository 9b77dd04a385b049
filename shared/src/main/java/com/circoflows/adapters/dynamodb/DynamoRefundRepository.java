package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.refund.Refund;
import com.circoflows.domain.refund.RefundRepository;
import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Refunds, each change in one TransactWriteItems with the payment it reserves or releases money on
 * and the event it announces. Both the refund and the payment are optimistic on their version, so a
 * lost race writes nothing and the caller reads again.
 */
public final class DynamoRefundRepository implements RefundRepository {
    static final String BY_TRANSACTION = "by_transaction_created";
    static final String BY_SETTLE_KEY = "by_settle_key";
    /** Another writer got to an item first: a lost race, read again; not a fault. */
    private static final Set<String> LOST_RACE = Set.of("ConditionalCheckFailed", "TransactionConflict");

    private final DynamoDbClient dynamoDb;
    private final String refundsTable;
    private final String transactionsTable;
    private final String eventsTable;

    public DynamoRefundRepository(DynamoDbClient dynamoDb, String refundsTable, String transactionsTable,
            String eventsTable) {
        this.dynamoDb = dynamoDb;
        this.refundsTable = refundsTable;
        this.transactionsTable = transactionsTable;
        this.eventsTable = eventsTable;
    }

    /** For functions that only list refunds and are given no other table. */
    public static DynamoRefundRepository readOnly(DynamoDbClient dynamoDb, String refundsTable) {
        return new DynamoRefundRepository(dynamoDb, refundsTable, null, null);
    }

    @Override
    public boolean reserve(Transaction reserving, Refund refund) {
        List<TransactWriteItem> writes = List.of(
                write(transactionPut(reserving)),
                write(Put.builder().tableName(refundsTable).item(RefundItems.toItem(refund))
                        .conditionExpression("attribute_not_exists(refund_id)").build()));
        return transact(writes);
    }

    @Override
    public Optional<Refund> find(String refundId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(refundsTable)
                .key(Map.of("refund_id", s(refundId)))
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RefundItems.fromItem(item));
    }

    @Override
    public List<Refund> forTransaction(String transactionId) {
        List<Refund> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                    .tableName(refundsTable)
                    .indexName(BY_TRANSACTION)
                    .keyConditionExpression("transaction_id = :t")
                    .expressionAttributeValues(Map.of(":t", s(transactionId)))
                    .exclusiveStartKey(from)));
            page.items().forEach(item -> found.add(RefundItems.fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    @Override
    public boolean save(Refund changed, Transaction payment, WebhookEvent event) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(write(Put.builder().tableName(refundsTable).item(RefundItems.toItem(changed))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(changed.version() - 1))).build()));
        if (payment != null) {
            writes.add(write(transactionPut(payment)));
        }
        if (event != null) {
            writes.add(write(Put.builder().tableName(eventsTable).item(WebhookEventItems.toItem(event))
                    .conditionExpression("attribute_not_exists(event_id)").build()));
        }
        if (writes.size() == 1) {
            Put put = writes.get(0).put();
            return DynamoCalls.conditionally("PutItem", () -> dynamoDb.putItem(p -> p.tableName(put.tableName())
                    .item(put.item()).conditionExpression(put.conditionExpression())
                    .expressionAttributeValues(put.expressionAttributeValues())));
        }
        return transact(writes);
    }

    @Override
    public List<Refund> pendingCreatedBefore(Instant before, int limit) {
        QueryResponse page = DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                .tableName(refundsTable)
                .indexName(BY_SETTLE_KEY)
                .keyConditionExpression(RefundItems.SETTLE_KEY + " = :pending AND created_at < :before")
                .expressionAttributeValues(Map.of(":pending", s(RefundItems.PENDING), ":before", time(before)))
                .limit(limit)));
        return page.items().stream().map(RefundItems::fromItem).toList();
    }

    private Put transactionPut(Transaction payment) {
        return Put.builder()
                .tableName(transactionsTable)
                .item(TransactionItems.toItem(payment))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(payment.version() - 1)))
                .build();
    }

    private static TransactWriteItem write(Put put) {
        return TransactWriteItem.builder().put(put).build();
    }

    /** False when an item's condition refused the write or another transaction held it: nothing was written. */
    private boolean transact(List<TransactWriteItem> writes) {
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (lostRace(e)) {
                return false;
            }
            return DynamoCalls.call("TransactWriteItems", () -> {
                throw e;
            });
        } catch (RuntimeException e) {
            return DynamoCalls.call("TransactWriteItems", () -> {
                throw e;
            });
        }
    }

    /** Every reason is a lost race or None (the writes that were fine): no throttling, no validation error. */
    private static boolean lostRace(TransactionCanceledException cancelled) {
        if (!cancelled.hasCancellationReasons()) {
            return false;
        }
        List<String> codes = cancelled.cancellationReasons().stream().map(CancellationReason::code).toList();
        return codes.stream().anyMatch(LOST_RACE::contains)
                && codes.stream().allMatch(code -> code == null || "None".equals(code) || LOST_RACE.contains(code));
    }
}
