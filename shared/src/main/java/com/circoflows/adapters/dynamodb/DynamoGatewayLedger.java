package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.gateway.AuthorizationRecord;
import com.circoflows.domain.gateway.AuthorizationState;
import com.circoflows.domain.gateway.GatewayLedger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The test-mode gateway's ledger, one item per transaction id. Open authorisations that reconciliation
 * has not matched yet carry reconcile_key, so its sparse index lists exactly those, by touched_at,
 * and reconciliation never scans the table.
 */
public final class DynamoGatewayLedger implements GatewayLedger {
    static final String UNRECONCILED_INDEX = "by_reconcile_key";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoGatewayLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<AuthorizationRecord> recordOrReplay(AuthorizationRecord record) {
        boolean recorded = DynamoCalls.conditionally("PutItem", () -> dynamoDb.putItem(put -> put.tableName(table)
                .item(AuthorizationItems.toItem(record))
                .conditionExpression("attribute_not_exists(transaction_id)")));
        if (recorded) {
            return Optional.empty();
        }
        // Asked again: the retry counts as a fresh touch, so reconciliation waits its full grace again.
        DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update.tableName(table)
                .key(key(record.transactionId()))
                .updateExpression("SET touched_at = :now")
                .conditionExpression("#state <> :voided")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":now", time(record.createdAt()),
                        ":voided", s(AuthorizationState.VOIDED.wireName())))));
        return Optional.of(find(record.transactionId())
                .orElseThrow(() -> new IllegalStateException("authorisation " + record.transactionId() + " vanished")));
    }

    @Override
    public Optional<AuthorizationRecord> find(String transactionId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(key(transactionId)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(AuthorizationItems.fromItem(item));
    }

    @Override
    public boolean markCharged(String transactionId, Instant at) {
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update.tableName(table)
                .key(key(transactionId))
                .updateExpression("SET #state = :charged, charged_at = :at")
                .conditionExpression("#state = :pending")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(
                        ":charged", s(AuthorizationState.CHARGED.wireName()),
                        ":pending", s(AuthorizationState.PENDING_AUTHENTICATION.wireName()),
                        ":at", time(at)))));
    }

    @Override
    public List<AuthorizationRecord> findUnreconciled(Instant untouchedBefore, int limit) {
        return DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                .tableName(table)
                .indexName(UNRECONCILED_INDEX)
                .keyConditionExpression(AuthorizationItems.RECONCILE_KEY + " = :unreconciled AND touched_at < :before")
                .expressionAttributeValues(Map.of(
                        ":unreconciled", s(AuthorizationItems.UNRECONCILED),
                        ":before", time(untouchedBefore)))
                .limit(limit)))
                .items().stream().map(AuthorizationItems::fromItem).toList();
    }

    @Override
    public void markReconciled(String transactionId, Instant at) {
        DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update.tableName(table)
                .key(key(transactionId))
                .updateExpression("SET reconciled_at = :at REMOVE " + AuthorizationItems.RECONCILE_KEY)
                .conditionExpression("attribute_exists(transaction_id)")
                .expressionAttributeValues(Map.of(":at", time(at)))));
    }

    @Override
    public boolean voidIfUntouched(String transactionId, Instant touchedAt, Instant at) {
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update.tableName(table)
                .key(key(transactionId))
                .updateExpression("SET #state = :voided, voided_at = :at REMOVE " + AuthorizationItems.RECONCILE_KEY)
                .conditionExpression("attribute_exists(" + AuthorizationItems.RECONCILE_KEY + ")"
                        + " AND touched_at = :touched AND #state IN (:charged, :pending)")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(
                        ":voided", s(AuthorizationState.VOIDED.wireName()),
                        ":at", time(at),
                        ":touched", time(touchedAt),
                        ":charged", s(AuthorizationState.CHARGED.wireName()),
                        ":pending", s(AuthorizationState.PENDING_AUTHENTICATION.wireName())))));
    }

    @Override
    public boolean markVoided(String transactionId, Instant at) {
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update.tableName(table)
                .key(key(transactionId))
                .updateExpression("SET #state = :voided, voided_at = :at REMOVE " + AuthorizationItems.RECONCILE_KEY)
                .conditionExpression("#state = :charged")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(
                        ":voided", s(AuthorizationState.VOIDED.wireName()),
                        ":at", time(at),
                        ":charged", s(AuthorizationState.CHARGED.wireName())))));
    }

    private static Map<String, AttributeValue> key(String transactionId) {
        return Map.of("transaction_id", s(transactionId));
    }
}
