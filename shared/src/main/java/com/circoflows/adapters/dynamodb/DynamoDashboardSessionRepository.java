package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.dashboard.DashboardSession;
import com.circoflows.domain.dashboard.DashboardSessionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Dashboard sessions by the SHA-256 of their token (the token itself is never stored), and by user
 * through the by_user index. {@code purge_at} (epoch seconds, the session's expiry rounded up) is the
 * table's TTL: DynamoDB removes an expired session some time later, and callers check expiry meanwhile.
 * The CSRF secret is stored as is (the table is encrypted with the stack's key) and never logged.
 *
 * <p>The index is eventually consistent: {@link #deleteAllForUser} may miss a session saved a moment
 * before. Signing out everywhere after a password change loses nothing by it, since sessions older than
 * the password are refused anyway ({@link com.circoflows.domain.dashboard.DashboardUser#passwordChangedAt()}).
 */
public final class DynamoDashboardSessionRepository implements DashboardSessionRepository {
    static final String BY_USER = "by_user";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDashboardSessionRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void save(DashboardSession session) {
        DynamoCalls.call("PutItem", () -> dynamoDb.putItem(put -> put.tableName(table).item(toItem(session))));
    }

    @Override
    public Optional<DashboardSession> find(String tokenHash) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(key(tokenHash)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean touch(String tokenHash, Instant lastSeenAt) {
        return DynamoCalls.conditionally("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(tokenHash))
                .updateExpression("SET last_seen_at = :at")
                .conditionExpression("attribute_exists(token_hash)")
                .expressionAttributeValues(Map.of(":at", time(lastSeenAt)))));
    }

    @Override
    public void delete(String tokenHash) {
        DynamoCalls.call("DeleteItem", () -> dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(tokenHash))));
    }

    @Override
    public void deleteAllForUser(String userId) {
        for (DashboardSession session : listForUser(userId)) {
            delete(session.tokenHash());
        }
    }

    @Override
    public List<DashboardSession> listForUser(String userId) {
        List<DashboardSession> sessions = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                    .tableName(table).indexName(BY_USER)
                    .keyConditionExpression("user_id = :user")
                    .expressionAttributeValues(Map.of(":user", s(userId)))
                    .exclusiveStartKey(from)));
            page.items().forEach(item -> sessions.add(fromItem(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return sessions;
    }

    private static Map<String, AttributeValue> toItem(DashboardSession session) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("token_hash", s(session.tokenHash()));
        item.put("user_id", s(session.userId()));
        item.put("merchant_id", s(session.merchantId()));
        item.put("created_at", time(session.createdAt()));
        item.put("last_seen_at", time(session.lastSeenAt()));
        item.put("expires_at", time(session.expiresAt()));
        item.put("purge_at", n(epochSecondsRoundedUp(session.expiresAt())));
        item.put("csrf_secret", s(session.csrfSecret()));
        item.put("pending_second_factor", AttributeValue.fromBool(session.pendingSecondFactor()));
        return item;
    }

    private static DashboardSession fromItem(Map<String, AttributeValue> item) {
        return new DashboardSession(
                string(item, "token_hash"),
                string(item, "user_id"),
                string(item, "merchant_id"),
                time(item, "created_at"),
                time(item, "last_seen_at"),
                time(item, "expires_at"),
                string(item, "csrf_secret"),
                Boolean.TRUE.equals(item.get("pending_second_factor").bool()));
    }

    /** TTL counts whole seconds; rounding up never lets it remove a session before it expires. */
    static long epochSecondsRoundedUp(Instant at) {
        return at.getNano() == 0 ? at.getEpochSecond() : at.getEpochSecond() + 1;
    }

    private static Map<String, AttributeValue> key(String tokenHash) {
        return Map.of("token_hash", s(tokenHash));
    }
}
