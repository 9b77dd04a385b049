package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.PaymentSessionListRepository;
import com.circoflows.domain.session.SessionListFilter;
import com.circoflows.domain.session.SessionPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * GET /api/hosted-payment's reads: the four shards of by_list_key_created on the sessions table,
 * merged newest first as the transaction list merges its shards, never a Scan nor a FilterExpression.
 * Unfiltered, each shard is read for limit + 1 items. A status is checked in memory on the merged
 * items (a session's status as the API shows it depends on the time: a pending session past its
 * expires_at is expired, stored or not, so no index on the stored status could answer it): each shard
 * is read for {@link #STATUS_WINDOW} × limit + 1 items, at most that many merged items are examined,
 * and the page may hold fewer than limit sessions (even none) and still say has_more. Items read per
 * page depend on the limit only, never on how many sessions the merchant has.
 */
public final class DynamoPaymentSessionList implements PaymentSessionListRepository {
    /** How many sessions per shown session a page with a status may examine before it stops. */
    static final int STATUS_WINDOW = 4;

    private final DynamoDbClient dynamoDb;
    private final String sessionsTable;

    public DynamoPaymentSessionList(DynamoDbClient dynamoDb, String sessionsTable) {
        this.dynamoDb = dynamoDb;
        this.sessionsTable = sessionsTable;
    }

    @Override
    public SessionPage list(String merchantId, Mode mode, SessionListFilter filter, int limit, String cursor) {
        String filterDigest = TransactionListCursor.filterDigest(filter.canonical());
        List<ShardPosition> previous = cursor == null
                ? List.of(ShardPosition.START, ShardPosition.START, ShardPosition.START, ShardPosition.START)
                : TransactionListCursor.decodeShards(cursor, merchantId, mode, filterDigest).positions();
        int window = filter.status() == null ? limit : limit * STATUS_WINDOW;
        List<ShardMerge.ShardRead<PaymentSession>> reads = new ArrayList<>();
        for (int shard = 0; shard < SessionListKeys.SHARDS; shard++) {
            ShardPosition position = previous.get(shard);
            reads.add(position.isDone() ? ShardMerge.ShardRead.nothing()
                    : readShard(SessionListKeys.listKey(merchantId, mode, shard), position, window + 1));
        }
        // The first merge finds how many merged sessions it takes to fill the page (or the window); the
        // second takes exactly those, so every shard's position is right after what was examined.
        ShardMerge.Merged<PaymentSession> candidates = merge(reads, previous, window);
        int examined = 0;
        int matched = 0;
        for (PaymentSession session : candidates.page()) {
            if (matched == limit) {
                break;
            }
            examined++;
            if (filter.matches(session)) {
                matched++;
            }
        }
        ShardMerge.Merged<PaymentSession> merged = examined == candidates.page().size() ? candidates
                : merge(reads, previous, examined);
        List<PaymentSession> page = merged.page().stream()
                .filter(session -> session.belongsTo(merchantId) && session.mode() == mode && filter.matches(session))
                .toList();
        String next = merged.hasMore()
                ? TransactionListCursor.encodeShards(merchantId, mode, filterDigest, merged.positions()) : null;
        return new SessionPage(page, next);
    }

    private ShardMerge.ShardRead<PaymentSession> readShard(String partition, ShardPosition position, int items) {
        Map<String, AttributeValue> startKey = position.isStart() ? null
                : Map.of(SessionListKeys.LIST_KEY, s(partition), "created_at", s(position.createdAt()),
                        "session_id", s(position.transactionId()));
        QueryResponse response = DynamoCalls.call("Query", () -> dynamoDb.query(query -> query
                .tableName(sessionsTable)
                .indexName(SessionListKeys.BY_LIST_KEY_CREATED)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", SessionListKeys.LIST_KEY))
                .expressionAttributeValues(Map.of(":p", s(partition)))
                .exclusiveStartKey(startKey)
                .scanIndexForward(false)
                .limit(items)));
        return new ShardMerge.ShardRead<>(response.items().stream().map(PaymentSessionItems::fromItem).toList(),
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty());
    }

    private static ShardMerge.Merged<PaymentSession> merge(List<ShardMerge.ShardRead<PaymentSession>> reads,
            List<ShardPosition> previous, int limit) {
        return ShardMerge.merge(reads, previous, limit, session -> Attributes.time(session.createdAt()).s(),
                PaymentSession::sessionId);
    }
}
