package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.PaymentSessionListRepository;
import com.circoflows.domain.session.SessionListFilter;
import com.circoflows.domain.session.SessionPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * GET /api/hosted-payment's reads, never a Scan nor a FilterExpression: the four shards of the
 * KEYS_ONLY index by_list_key_created on the sessions table, merged newest first as the transaction
 * list merges its shards, then the sessions themselves by a consistent BatchGetItem (so a page shows
 * each session as it is now, and the index takes one small write per session, at its creation,
 * instead of one per change). Unfiltered, each shard is read for limit + 1 keys. A status is checked
 * in memory on the sessions read (as the API shows a session, its status depends on the time: a
 * pending session past its expires_at is expired, stored or not, so no index on the stored status
 * could answer it): each shard is read for {@link #STATUS_WINDOW} × limit + 1 keys, at most that many
 * merged sessions are examined (fetched a hundred at a time until the page is full), and the page may
 * hold fewer than limit sessions, even none, and still say has_more. Items read per page depend on the
 * limit only, never on how many sessions the merchant has.
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
        List<ShardMerge.ShardRead<Map<String, AttributeValue>>> reads = new ArrayList<>();
        for (int shard = 0; shard < SessionListKeys.SHARDS; shard++) {
            ShardPosition position = previous.get(shard);
            reads.add(position.isDone() ? ShardMerge.ShardRead.nothing()
                    : readShard(SessionListKeys.listKey(merchantId, mode, shard), position, window + 1));
        }
        ShardMerge.Merged<Map<String, AttributeValue>> candidates = merge(reads, previous, window);
        List<PaymentSession> page = new ArrayList<>();
        int examined = 0;
        List<Map<String, AttributeValue>> keys = candidates.page();
        for (int from = 0; from < keys.size() && page.size() < limit; from += ConsistentBatchGet.MAX_KEYS) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(),
                    from + ConsistentBatchGet.MAX_KEYS));
            Map<String, PaymentSession> found = fetch(chunk);
            for (Map<String, AttributeValue> key : chunk) {
                if (page.size() == limit) {
                    break;
                }
                examined++;
                PaymentSession session = found.get(key.get("session_id").s());
                if (session != null && session.belongsTo(merchantId) && session.mode() == mode
                        && filter.matches(session)) {
                    page.add(session);
                }
            }
        }
        // The shards' positions must follow the last session examined, not the last key read: a second
        // merge taking exactly that many gives them.
        ShardMerge.Merged<Map<String, AttributeValue>> shown = examined == keys.size() ? candidates
                : merge(reads, previous, examined);
        String next = shown.hasMore()
                ? TransactionListCursor.encodeShards(merchantId, mode, filterDigest, shown.positions()) : null;
        return new SessionPage(page, next);
    }

    private ShardMerge.ShardRead<Map<String, AttributeValue>> readShard(String partition, ShardPosition position,
            int items) {
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
        return new ShardMerge.ShardRead<>(response.items(),
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty());
    }

    private Map<String, PaymentSession> fetch(List<Map<String, AttributeValue>> indexKeys) {
        List<Map<String, AttributeValue>> keys = indexKeys.stream()
                .map(key -> Map.of("session_id", key.get("session_id"))).toList();
        Map<String, PaymentSession> found = new HashMap<>();
        for (Map<String, AttributeValue> item : ConsistentBatchGet.read(dynamoDb, sessionsTable, keys)) {
            PaymentSession session = PaymentSessionItems.fromItem(item);
            found.put(session.sessionId(), session);
        }
        return found;
    }

    private static ShardMerge.Merged<Map<String, AttributeValue>> merge(
            List<ShardMerge.ShardRead<Map<String, AttributeValue>>> reads, List<ShardPosition> previous, int limit) {
        return ShardMerge.merge(reads, previous, limit, key -> key.get("created_at").s(),
                key -> key.get("session_id").s());
    }
}
