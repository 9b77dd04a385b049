package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.DeliveryState;
import com.circoflows.domain.webhook.NextAttempt;
import com.circoflows.domain.webhook.OverdueRetry;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.WebhookEventPage;
import com.circoflows.domain.webhook.WebhookEventRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Delivery state of webhook events: every change is a conditional UpdateItem. */
public final class DynamoWebhookEventRepository implements WebhookEventRepository {
    /** The merchant's events of one mode, by created_at (key merchant_mode: "mch_…#test"). */
    static final String BY_MERCHANT_MODE = "by_merchant_mode_created";
    /**
     * One transaction's events, by created_at (key transaction_id). Sparse in effect: an event without
     * a transaction (webhook.test) has no transaction_id and is not in it.
     */
    static final String BY_TRANSACTION = "by_transaction_created";
    static final String NEVER_ATTEMPTED_INDEX = "by_sweep_key";
    /**
     * Sparse, like by_sweep_key: only retrying events carry {@link #RETRY_KEY}, sorted by when their
     * job is due back ({@link #NEXT_ATTEMPT_AT}), so the sweeper finds overdue ones without a scan.
     */
    static final String RETRY_DUE_INDEX = "by_retry_due";
    static final String RETRY_KEY = "retry_key";
    static final String RETRYING = "retrying";
    static final String NEXT_ATTEMPT_AT = "next_attempt_at";
    static final String SCHEDULE_POSITION = "schedule_position";
    /** The retry chain the sweeper resumed the event with; absent for the chain every event starts with. */
    static final String RETRY_CHAIN = "retry_chain";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoWebhookEventRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<WebhookEvent> find(String eventId) {
        return findWithDelivery(eventId).map(StoredWebhookEvent::event);
    }

    @Override
    public boolean insert(WebhookEvent event) {
        return DynamoCalls.conditionally("PutItem", () -> dynamoDb.putItem(put -> put
                .tableName(table)
                .item(WebhookEventItems.toItem(event))
                .conditionExpression("attribute_not_exists(event_id)")));
    }

    @Override
    public Optional<StoredWebhookEvent> findWithDelivery(String eventId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(key(eventId)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(WebhookEventItems.storedFromItem(item));
    }

    @Override
    public boolean acquireLease(String eventId, Instant now, Instant leaseUntil) {
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(eventId))
                .updateExpression("SET lease_until = :until")
                .conditionExpression("delivery_status IN (:pending, :retrying) "
                        + "AND (attribute_not_exists(lease_until) OR lease_until < :now)")
                .expressionAttributeValues(Map.of(
                        ":until", time(leaseUntil),
                        ":now", time(now),
                        ":pending", s(DeliveryStatus.PENDING.wireName()),
                        ":retrying", s(DeliveryStatus.RETRYING.wireName())))));
    }

    @Override
    public boolean acquireLeaseForChain(String eventId, String chainId, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":until", time(leaseUntil),
                ":now", time(now),
                ":pending", s(DeliveryStatus.PENDING.wireName()),
                ":retrying", s(DeliveryStatus.RETRYING.wireName())));
        String sameChain;
        if (chainId == null) {
            sameChain = "attribute_not_exists(" + RETRY_CHAIN + ")";
        } else {
            sameChain = RETRY_CHAIN + " = :chain";
            values.put(":chain", s(chainId));
        }
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(eventId))
                .updateExpression("SET lease_until = :until")
                .conditionExpression("delivery_status IN (:pending, :retrying) "
                        + "AND (attribute_not_exists(lease_until) OR lease_until < :now) AND " + sameChain)
                .expressionAttributeValues(values)));
    }

    @Override
    public void recordAttempt(String eventId, DeliveryAttempt attempt, DeliveryState next, NextAttempt nextAttempt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":attempt", AttributeValue.fromL(List.of(WebhookEventItems.attemptItem(attempt))));
        values.put(":empty", AttributeValue.fromL(List.of()));
        values.put(":status", s(next.status().wireName()));
        StringBuilder set = new StringBuilder(
                "SET attempts = list_append(if_not_exists(attempts, :empty), :attempt), delivery_status = :status");
        StringBuilder remove = new StringBuilder(" REMOVE lease_until, " + WebhookEventItems.SWEEP_KEY);
        if (next.status() != DeliveryStatus.RETRYING) {
            remove.append(", ").append(RETRY_KEY).append(", ").append(NEXT_ATTEMPT_AT).append(", ")
                    .append(SCHEDULE_POSITION).append(", ").append(RETRY_CHAIN);
        } else if (nextAttempt != null) {
            set.append(", ").append(RETRY_KEY).append(" = :retry_key, ").append(NEXT_ATTEMPT_AT).append(" = :due, ")
                    .append(SCHEDULE_POSITION).append(" = :position");
            values.put(":retry_key", s(RETRYING));
            values.put(":due", time(nextAttempt.dueAt()));
            values.put(":position", n(nextAttempt.schedulePosition()));
        } else {
            // An attempt outside the chain keeps the chain's bookkeeping, or starts it if the event's
            // first job never ran: from now on a job is expected, and its absence will show.
            set.append(", ").append(RETRY_KEY).append(" = :retry_key, ")
                    .append(NEXT_ATTEMPT_AT).append(" = if_not_exists(").append(NEXT_ATTEMPT_AT).append(", :due), ")
                    .append(SCHEDULE_POSITION).append(" = if_not_exists(").append(SCHEDULE_POSITION).append(", :position)");
            values.put(":retry_key", s(RETRYING));
            values.put(":due", time(attempt.at()));
            values.put(":position", n(0));
        }
        setOrRemove(set, remove, values, "last_error", next.lastError() == null ? null : s(next.lastError()));
        setOrRemove(set, remove, values, "delivered_at", next.deliveredAt() == null ? null : time(next.deliveredAt()));
        setOrRemove(set, remove, values, "failed_at", next.failedAt() == null ? null : time(next.failedAt()));
        DynamoCalls.call("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(eventId))
                .updateExpression(set.toString() + remove)
                .conditionExpression("attribute_exists(event_id)")
                .expressionAttributeValues(values)));
    }

    @Override
    public boolean markFailed(String eventId, Instant at, String reason) {
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(eventId))
                .updateExpression("SET delivery_status = :failed, failed_at = :at, last_error = :reason "
                        + "REMOVE lease_until, " + WebhookEventItems.SWEEP_KEY + ", " + RETRY_KEY + ", "
                        + NEXT_ATTEMPT_AT + ", " + SCHEDULE_POSITION + ", " + RETRY_CHAIN)
                .conditionExpression("attribute_exists(event_id) AND NOT delivery_status IN (:failed, :delivered)")
                .expressionAttributeValues(Map.of(
                        ":failed", s(DeliveryStatus.FAILED.wireName()),
                        ":delivered", s(DeliveryStatus.DELIVERED.wireName()),
                        ":at", time(at),
                        ":reason", s(reason)))));
    }

    @Override
    public boolean reopenForRedelivery(String eventId) {
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(eventId))
                .updateExpression("SET delivery_status = :pending, " + WebhookEventItems.SWEEP_KEY + " = :sweep "
                        + "REMOVE lease_until, delivered_at, failed_at, last_error, " + RETRY_KEY + ", "
                        + NEXT_ATTEMPT_AT + ", " + SCHEDULE_POSITION + ", " + RETRY_CHAIN)
                .conditionExpression("delivery_status IN (:failed, :delivered)")
                .expressionAttributeValues(Map.of(
                        ":pending", s(DeliveryStatus.PENDING.wireName()),
                        ":sweep", s(WebhookEventItems.NEVER_ATTEMPTED),
                        ":failed", s(DeliveryStatus.FAILED.wireName()),
                        ":delivered", s(DeliveryStatus.DELIVERED.wireName())))));
    }

    @Override
    public List<WebhookEvent> findNeverAttempted(Instant createdBefore, int limit) {
        QueryResponse response = DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                .tableName(table)
                .indexName(NEVER_ATTEMPTED_INDEX)
                .keyConditionExpression(WebhookEventItems.SWEEP_KEY + " = :sweep AND created_at < :before")
                .expressionAttributeValues(Map.of(
                        ":sweep", s(WebhookEventItems.NEVER_ATTEMPTED),
                        ":before", time(createdBefore)))
                .limit(limit)));
        List<WebhookEvent> events = new ArrayList<>();
        response.items().forEach(item -> events.add(WebhookEventItems.fromItem(item)));
        return events;
    }

    @Override
    public void markRequeued(String eventId) {
        DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(eventId))
                .updateExpression("REMOVE " + WebhookEventItems.SWEEP_KEY)
                .conditionExpression("attribute_exists(event_id)")));
    }

    @Override
    public List<OverdueRetry> findOverdueRetries(Instant dueBefore, int limit) {
        QueryResponse response = DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                .tableName(table)
                .indexName(RETRY_DUE_INDEX)
                .keyConditionExpression(RETRY_KEY + " = :retrying AND " + NEXT_ATTEMPT_AT + " < :before")
                .expressionAttributeValues(Map.of(
                        ":retrying", s(RETRYING),
                        ":before", time(dueBefore)))
                .limit(limit)));
        List<OverdueRetry> overdue = new ArrayList<>();
        response.items().forEach(item -> overdue.add(new OverdueRetry(WebhookEventItems.fromItem(item),
                time(item, NEXT_ATTEMPT_AT), (int) Attributes.number(item, SCHEDULE_POSITION))));
        return overdue;
    }

    @Override
    public boolean resumeChain(String eventId, Instant seenDueAt, String newChainId, Instant now) {
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(eventId))
                .updateExpression("SET " + RETRY_CHAIN + " = :chain, " + NEXT_ATTEMPT_AT + " = :now")
                .conditionExpression("delivery_status = :retrying AND " + NEXT_ATTEMPT_AT + " = :seen "
                        + "AND (attribute_not_exists(lease_until) OR lease_until < :now)")
                .expressionAttributeValues(Map.of(
                        ":chain", s(newChainId),
                        ":now", time(now),
                        ":seen", time(seenDueAt),
                        ":retrying", s(DeliveryStatus.RETRYING.wireName())))));
    }

    @Override
    public WebhookEventPage listForMerchant(String merchantId, Mode mode, int limit, String cursor) {
        Map<String, AttributeValue> startKey = cursor == null ? null : EventListCursor.decode(cursor, merchantId, mode);
        QueryResponse response = DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                .tableName(table)
                .indexName(BY_MERCHANT_MODE)
                .keyConditionExpression(WebhookEventItems.MERCHANT_MODE + " = :scope")
                .expressionAttributeValues(Map.of(":scope", s(WebhookEventItems.merchantMode(merchantId, mode))))
                .scanIndexForward(false)
                .exclusiveStartKey(startKey)
                .limit(limit + 1)));
        // One more than asked tells whether another page exists, so the last page never points at an empty one.
        List<Map<String, AttributeValue>> items = response.items();
        boolean more = items.size() > limit;
        List<StoredWebhookEvent> events = new ArrayList<>();
        items.stream().limit(limit).forEach(item -> events.add(WebhookEventItems.storedFromItem(item)));
        String next = more ? EventListCursor.encode(items.get(limit - 1)) : null;
        return new WebhookEventPage(events, next);
    }

    @Override
    public WebhookEventPage listForTransaction(String merchantId, Mode mode, String transactionId, int limit,
            String cursor) {
        Map<String, AttributeValue> startKey = cursor == null ? null
                : EventListCursor.decodeForTransaction(cursor, merchantId, mode, transactionId);
        QueryResponse response = DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                .tableName(table)
                .indexName(BY_TRANSACTION)
                .keyConditionExpression("transaction_id = :transaction")
                .expressionAttributeValues(Map.of(":transaction", s(transactionId)))
                .scanIndexForward(false)
                .exclusiveStartKey(startKey)
                .limit(limit + 1)));
        List<Map<String, AttributeValue>> items = response.items();
        List<StoredWebhookEvent> events = new ArrayList<>();
        for (Map<String, AttributeValue> item : items.subList(0, Math.min(limit, items.size()))) {
            StoredWebhookEvent stored = WebhookEventItems.storedFromItem(item);
            // A payment's events all share its merchant and mode, so this is all or nothing: someone
            // else's transaction lists exactly as an unknown id does.
            if (!stored.event().merchantId().equals(merchantId) || stored.event().mode() != mode) {
                return new WebhookEventPage(List.of(), null);
            }
            events.add(stored);
        }
        boolean more = items.size() > limit;
        String next = more ? EventListCursor.encodeForTransaction(items.get(limit - 1), merchantId, mode) : null;
        return new WebhookEventPage(events, next);
    }

    private static void setOrRemove(StringBuilder set, StringBuilder remove, Map<String, AttributeValue> values,
            String attribute, AttributeValue value) {
        if (value == null) {
            remove.append(", ").append(attribute);
        } else {
            set.append(", ").append(attribute).append(" = :").append(attribute);
            values.put(":" + attribute, value);
        }
    }


    private static Map<String, AttributeValue> key(String eventId) {
        return Map.of("event_id", s(eventId));
    }
}
