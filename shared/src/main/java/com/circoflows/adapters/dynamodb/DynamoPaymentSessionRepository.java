package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.PaymentSessionRepository;
import com.circoflows.domain.session.SessionStatus;
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
 * Hosted payment sessions, optimistic on {@code version}. A payment is stored with one
 * TransactWriteItems of the session change, the transaction and its webhook event, each with its
 * condition: either all three are written or none.
 */
public final class DynamoPaymentSessionRepository implements PaymentSessionRepository {
    private final DynamoDbClient dynamoDb;
    private final String sessionsTable;
    private final String transactionsTable;
    private final String eventsTable;
    /** Where a payment made on the page gets its session and metadata search entries. */
    private final String searchTable;

    public DynamoPaymentSessionRepository(DynamoDbClient dynamoDb, String sessionsTable, String transactionsTable,
            String eventsTable, String searchTable) {
        this.dynamoDb = dynamoDb;
        this.sessionsTable = sessionsTable;
        this.transactionsTable = transactionsTable;
        this.eventsTable = eventsTable;
        this.searchTable = searchTable;
    }

    /** For the merchant API's functions, which never write a transaction and are given no such tables. */
    public static DynamoPaymentSessionRepository sessionsOnly(DynamoDbClient dynamoDb, String sessionsTable) {
        return new DynamoPaymentSessionRepository(dynamoDb, sessionsTable, null, null, null);
    }

    @Override
    public void insert(PaymentSession session) {
        boolean written = put(Put.builder()
                .tableName(sessionsTable)
                .item(PaymentSessionItems.toItem(session))
                .conditionExpression("attribute_not_exists(session_id)")
                .build());
        if (!written) {
            throw new IllegalStateException("session id collision: " + session.sessionId());
        }
    }

    @Override
    public Optional<PaymentSession> find(String sessionId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(sessionsTable)
                .key(Map.of("session_id", s(sessionId)))
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PaymentSessionItems.fromItem(item));
    }

    @Override
    public boolean update(PaymentSession updated) {
        return put(sessionPut(updated));
    }

    @Override
    public boolean takeLease(PaymentSession leased, Instant now) {
        return put(Put.builder()
                .tableName(sessionsTable)
                .item(PaymentSessionItems.toItem(leased))
                .conditionExpression("version = :expected AND #status = :pending AND (attribute_not_exists("
                        + PaymentSessionItems.ATTEMPT_LEASE_UNTIL + ") OR "
                        + PaymentSessionItems.ATTEMPT_LEASE_UNTIL + " <= :now)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":expected", n(leased.version() - 1),
                        ":pending", s(SessionStatus.PENDING.wireName()),
                        ":now", time(now)))
                .build());
    }

    @Override
    public boolean commit(PaymentSession updated, TransactionChange change) {
        if (transactionsTable == null || eventsTable == null || searchTable == null) {
            throw new IllegalStateException("this repository was built for sessions only");
        }
        Put transactionPut = change.isNew()
                ? Put.builder()
                        .tableName(transactionsTable)
                        .item(TransactionItems.toItem(change.transaction()))
                        .conditionExpression("attribute_not_exists(transaction_id)")
                        .build()
                : Put.builder()
                        .tableName(transactionsTable)
                        .item(TransactionItems.toItem(change.transaction()))
                        .conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":expected", n(change.transaction().version() - 1)))
                        .build();
        Put eventPut = Put.builder()
                .tableName(eventsTable)
                .item(WebhookEventItems.toItem(change.event()))
                .conditionExpression("attribute_not_exists(event_id)")
                .build();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().put(sessionPut(updated)).build(),
                TransactWriteItem.builder().put(transactionPut).build(),
                TransactWriteItem.builder().put(eventPut).build()));
        if (change.isNew()) {
            // Session and metadata never change after the insert: the entries are written once, here.
            writes.addAll(TransactionSearchEntries.puts(searchTable, change.transaction()));
        }
        return DynamoCalls.call("TransactWriteItems", () -> {
            try {
                dynamoDb.transactWriteItems(t -> t.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                boolean conditionFailed = e.hasCancellationReasons() && e.cancellationReasons().stream()
                        .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
                if (conditionFailed) {
                    return false;
                }
                throw e;
            }
        });
    }

    private Put sessionPut(PaymentSession updated) {
        return Put.builder()
                .tableName(sessionsTable)
                .item(PaymentSessionItems.toItem(updated))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(updated.version() - 1)))
                .build();
    }

    /** Returns false when the condition failed; nothing was written then. */
    private boolean put(Put put) {
        return DynamoCalls.call("PutItem", () -> {
            try {
                dynamoDb.putItem(p -> p.tableName(put.tableName())
                        .item(put.item())
                        .conditionExpression(put.conditionExpression())
                        .expressionAttributeNames(put.expressionAttributeNames().isEmpty()
                                ? null : put.expressionAttributeNames())
                        .expressionAttributeValues(put.expressionAttributeValues().isEmpty()
                                ? null : put.expressionAttributeValues()));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
    }
}
