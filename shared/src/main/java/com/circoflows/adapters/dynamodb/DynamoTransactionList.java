package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionFilter;
import com.circoflows.domain.payment.TransactionListRepository;
import com.circoflows.domain.payment.TransactionPage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * GET /api/direct-payment's reads. Every page is a bounded number of key-condition Queries, never a
 * Scan nor a FilterExpression:
 * <ul>
 * <li>no filter, or a created range: the four shards of by_list_key_created, limit + 1 items each;
 * <li>a status (with or without a range): the four shards of by_status_key_created, the same;
 * <li>a session or a metadata pair (with or without a range): that set of search entries, then a
 *     consistent BatchGetItem of the transactions they name; with a status too, a window of
 *     {@link #STATUS_WINDOW} × limit entries is read and filtered in memory, so a page may hold fewer
 *     than limit transactions (even none) and still say has_more;
 * <li>a card's last4 or a customer email (with or without a range): the eight keys its entries are
 *     spread over, limit + 1 entries each (with a status, the window + 1), merged as the shards of
 *     the list indexes are, then the same BatchGetItem and in-memory check.
 * </ul>
 * Items read per page depend on the limit only, never on how many transactions the merchant has.
 */
public final class DynamoTransactionList implements TransactionListRepository {
    /** How many entries per shown transaction a search with a status may read before it stops. */
    static final int STATUS_WINDOW = 4;
    /** BatchGetItem's own ceiling on keys per call. */
    private static final int BATCH_GET_KEYS = 100;
    /** Unprocessed keys (throttling) are asked for again this often before the page fails as retryable. */
    private static final int BATCH_GET_ROUNDS = 5;

    private final DynamoDbClient dynamoDb;
    private final String transactionsTable;
    private final String searchTable;

    public DynamoTransactionList(DynamoDbClient dynamoDb, String transactionsTable, String searchTable) {
        this.dynamoDb = dynamoDb;
        this.transactionsTable = transactionsTable;
        this.searchTable = searchTable;
    }

    @Override
    public TransactionPage list(String merchantId, Mode mode, TransactionFilter filter, int limit, String cursor) {
        String filterDigest = TransactionListCursor.filterDigest(filter.canonical());
        CreatedRange range = CreatedRange.of(filter);
        if (filter.cardLast4() != null || filter.customerEmail() != null) {
            return searchSpreadEntries(merchantId, mode, filter, range, limit, cursor, filterDigest);
        }
        if (filter.searchesEntries()) {
            return searchEntries(merchantId, mode, filter, range, limit, cursor, filterDigest);
        }
        return listShards(merchantId, mode, filter, range, limit, cursor, filterDigest);
    }

    private TransactionPage listShards(String merchantId, Mode mode, TransactionFilter filter, CreatedRange range,
            int limit, String cursor, String filterDigest) {
        List<ShardPosition> previous = cursor == null
                ? List.of(ShardPosition.START, ShardPosition.START, ShardPosition.START, ShardPosition.START)
                : TransactionListCursor.decodeShards(cursor, merchantId, mode, filterDigest).positions();
        if (range.isEmpty()) {
            return TransactionPage.empty();
        }
        String keyAttribute = filter.status() == null ? TransactionListKeys.LIST_KEY : TransactionListKeys.STATUS_KEY;
        String index = filter.status() == null
                ? TransactionListKeys.BY_LIST_KEY_CREATED : TransactionListKeys.BY_STATUS_KEY_CREATED;
        List<ShardMerge.ShardRead<Map<String, AttributeValue>>> reads = new ArrayList<>();
        for (int shard = 0; shard < TransactionListKeys.SHARDS; shard++) {
            ShardPosition position = previous.get(shard);
            if (position.isDone()) {
                reads.add(ShardMerge.ShardRead.nothing());
                continue;
            }
            String partition = filter.status() == null ? TransactionListKeys.listKey(merchantId, mode, shard)
                    : TransactionListKeys.statusKey(merchantId, mode, filter.status(), shard);
            Map<String, AttributeValue> startKey = null;
            if (!position.isStart()) {
                if (!range.contains(position.createdAt())) {
                    throw PageCursors.invalid(); // DynamoDB refuses a start key outside the key condition
                }
                startKey = Map.of(keyAttribute, s(partition), "created_at", s(position.createdAt()),
                        "transaction_id", s(position.transactionId()));
            }
            QueryResponse response = query(range.keyCondition(keyAttribute, "created_at", partition)
                    .indexName(index)
                    .tableName(transactionsTable)
                    .exclusiveStartKey(startKey)
                    .scanIndexForward(false)
                    .limit(limit + 1)
                    .build());
            reads.add(new ShardMerge.ShardRead<>(response.items(), response.hasLastEvaluatedKey()
                    && !response.lastEvaluatedKey().isEmpty()));
        }
        ShardMerge.Merged<Map<String, AttributeValue>> merged = ShardMerge.merge(reads, previous, limit,
                item -> item.get("created_at").s(), item -> item.get("transaction_id").s());
        List<Transaction> page = merged.page().stream().map(TransactionItems::fromItem).toList();
        String next = merged.hasMore()
                ? TransactionListCursor.encodeShards(merchantId, mode, filterDigest, merged.positions()) : null;
        return new TransactionPage(page, next);
    }

    private TransactionPage searchEntries(String merchantId, Mode mode, TransactionFilter filter, CreatedRange range,
            int limit, String cursor, String filterDigest) {
        String after = cursor == null ? null
                : TransactionListCursor.decodeAfter(cursor, merchantId, mode, filterDigest).sortKey();
        if (range.isEmpty()) {
            return TransactionPage.empty();
        }
        String searchKey = filter.sessionId() != null
                ? TransactionSearchEntries.sessionKey(merchantId, mode, filter.sessionId())
                : TransactionSearchEntries.metadataKey(merchantId, mode, filter.metadata().key(),
                        filter.metadata().value());
        if (after != null && !range.containsSortKey(after)) {
            throw PageCursors.invalid();
        }
        int window = filter.status() == null ? limit : limit * STATUS_WINDOW;
        QueryResponse response = query(range.sortKeyCondition(searchKey)
                .tableName(searchTable)
                .exclusiveStartKey(after == null ? null : Map.of(TransactionSearchEntries.SEARCH_KEY, s(searchKey),
                        TransactionSearchEntries.SORT_KEY, s(after)))
                .scanIndexForward(false)
                .limit(window + 1)
                .build());
        List<Map<String, AttributeValue>> entries = response.items();
        // One entry more than the window tells whether another page exists (a LastEvaluatedKey alone
        // may also mean DynamoDB's 1 MB page ended first).
        boolean moreEntries = entries.size() > window
                || response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        List<Map<String, AttributeValue>> examined = entries.subList(0, Math.min(window, entries.size()));
        Map<String, Transaction> found = batchGet(examined);
        List<Transaction> page = new ArrayList<>();
        String lastExamined = null;
        for (Map<String, AttributeValue> entry : examined) {
            if (page.size() == limit) {
                break;
            }
            lastExamined = entry.get(TransactionSearchEntries.SORT_KEY).s();
            Transaction transaction = found.get(entry.get("transaction_id").s());
            // The in-memory part: the status (which changes, so entries don't carry it) and, for a
            // hashed long metadata value, the value itself. Anything else an entry names matches.
            if (transaction != null && transaction.belongsTo(merchantId) && transaction.mode() == mode
                    && filter.matches(transaction)) {
                page.add(transaction);
            }
        }
        boolean unexaminedLeft = lastExamined != null
                && !lastExamined.equals(examined.get(examined.size() - 1).get(TransactionSearchEntries.SORT_KEY).s());
        String next = unexaminedLeft || moreEntries && lastExamined != null
                ? TransactionListCursor.encodeAfter(merchantId, mode, filterDigest, lastExamined) : null;
        return new TransactionPage(page, next);
    }

    /**
     * A search whose entries are spread over {@link TransactionSearchEntries#SPREAD_SHARDS} keys: each
     * key is read newest first for window + 1 entries, the reads are merged, and the transactions of at
     * most window merged entries are read and checked; the keys' positions follow the last entry
     * examined, so the cursor is one position per key, as for the list indexes.
     */
    private TransactionPage searchSpreadEntries(String merchantId, Mode mode, TransactionFilter filter,
            CreatedRange range, int limit, String cursor, String filterDigest) {
        int shards = TransactionSearchEntries.SPREAD_SHARDS;
        List<ShardPosition> previous = cursor == null ? java.util.Collections.nCopies(shards, ShardPosition.START)
                : TransactionListCursor.decodeShards(cursor, merchantId, mode, filterDigest, shards).positions();
        if (range.isEmpty()) {
            return TransactionPage.empty();
        }
        int window = filter.status() == null ? limit : limit * STATUS_WINDOW;
        List<ShardMerge.ShardRead<Map<String, AttributeValue>>> reads = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            ShardPosition position = previous.get(shard);
            if (position.isDone()) {
                reads.add(ShardMerge.ShardRead.nothing());
                continue;
            }
            String searchKey = filter.cardLast4() != null
                    ? TransactionSearchEntries.cardLast4Key(merchantId, mode, filter.cardLast4(), shard)
                    : TransactionSearchEntries.customerEmailKey(merchantId, mode, filter.customerEmail(), shard);
            Map<String, AttributeValue> startKey = null;
            if (!position.isStart()) {
                if (!range.contains(position.createdAt())) {
                    throw PageCursors.invalid();
                }
                startKey = Map.of(TransactionSearchEntries.SEARCH_KEY, s(searchKey), TransactionSearchEntries.SORT_KEY,
                        s(position.createdAt() + "#" + position.transactionId()));
            }
            QueryResponse response = query(range.sortKeyCondition(searchKey)
                    .tableName(searchTable)
                    .exclusiveStartKey(startKey)
                    .scanIndexForward(false)
                    .limit(window + 1)
                    .build());
            reads.add(new ShardMerge.ShardRead<>(response.items(), response.hasLastEvaluatedKey()
                    && !response.lastEvaluatedKey().isEmpty()));
        }
        ShardMerge.Merged<Map<String, AttributeValue>> candidates = mergeEntries(reads, previous, window);
        Map<String, Transaction> found = batchGet(candidates.page());
        List<Transaction> page = new ArrayList<>();
        int examined = 0;
        for (Map<String, AttributeValue> entry : candidates.page()) {
            if (page.size() == limit) {
                break;
            }
            examined++;
            Transaction transaction = found.get(entry.get("transaction_id").s());
            if (transaction != null && transaction.belongsTo(merchantId) && transaction.mode() == mode
                    && filter.matches(transaction)) {
                page.add(transaction);
            }
        }
        ShardMerge.Merged<Map<String, AttributeValue>> shown = examined == candidates.page().size() ? candidates
                : mergeEntries(reads, previous, examined);
        String next = shown.hasMore()
                ? TransactionListCursor.encodeShards(merchantId, mode, filterDigest, shown.positions()) : null;
        return new TransactionPage(page, next);
    }

    private static ShardMerge.Merged<Map<String, AttributeValue>> mergeEntries(
            List<ShardMerge.ShardRead<Map<String, AttributeValue>>> reads, List<ShardPosition> previous, int limit) {
        return ShardMerge.merge(reads, previous, limit, DynamoTransactionList::entryCreatedAt,
                entry -> entry.get("transaction_id").s());
    }

    /** The created_at part of an entry's sort key ({@code <created_at>#<transaction_id>}). */
    private static String entryCreatedAt(Map<String, AttributeValue> entry) {
        String sortKey = entry.get(TransactionSearchEntries.SORT_KEY).s();
        return sortKey.substring(0, sortKey.indexOf('#'));
    }

    /** The transactions the entries name, read consistently (the table allows it, unlike an index). */
    private Map<String, Transaction> batchGet(List<Map<String, AttributeValue>> entries) {
        Map<String, Transaction> found = new HashMap<>();
        for (int from = 0; from < entries.size(); from += BATCH_GET_KEYS) {
            List<Map<String, AttributeValue>> keys = entries.subList(from, Math.min(entries.size(), from + BATCH_GET_KEYS))
                    .stream().map(entry -> Map.of("transaction_id", entry.get("transaction_id"))).toList();
            Map<String, KeysAndAttributes> request = Map.of(transactionsTable,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round == BATCH_GET_ROUNDS) {
                    throw new RetryableFailure(
                            "DynamoDB BatchGetItem left keys unprocessed " + BATCH_GET_ROUNDS + " times", null);
                }
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = DynamoCalls.call("BatchGetItem",
                        () -> dynamoDb.batchGetItem(get -> get.requestItems(asked)));
                response.responses().getOrDefault(transactionsTable, List.of()).forEach(item ->
                        found.put(item.get("transaction_id").s(), TransactionItems.fromItem(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    private QueryResponse query(QueryRequest request) {
        return DynamoCalls.call("Query", () -> dynamoDb.query(request));
    }

    /**
     * The created range as stored times (millisecond strings): {@code from} inclusive rounded up to a
     * millisecond, {@code to} exclusive turned into the last millisecond before it, so the key
     * condition is one BETWEEN / >= / <= on the sort key.
     */
    record CreatedRange(String lowest, String highest) {
        static CreatedRange of(TransactionFilter filter) {
            String lowest = filter.createdFrom() == null ? null
                    : Attributes.time(filter.createdFrom().plusNanos(999_999).truncatedTo(ChronoUnit.MILLIS)).s();
            String highest = filter.createdTo() == null ? null
                    : Attributes.time(filter.createdTo().minusNanos(1).truncatedTo(ChronoUnit.MILLIS)).s();
            return new CreatedRange(lowest, highest);
        }

        boolean isEmpty() {
            return lowest != null && highest != null && lowest.compareTo(highest) > 0;
        }

        boolean contains(String createdAt) {
            return (lowest == null || createdAt.compareTo(lowest) >= 0)
                    && (highest == null || createdAt.compareTo(highest) <= 0);
        }

        boolean containsSortKey(String sortKey) {
            return contains(sortKey.substring(0, sortKey.indexOf('#')));
        }

        QueryRequest.Builder keyCondition(String partitionAttribute, String sortAttribute, String partition) {
            // DynamoDB refuses a name the expression does not use: #s only with a range.
            Map<String, String> names = lowest == null && highest == null ? Map.of("#p", partitionAttribute)
                    : Map.of("#p", partitionAttribute, "#s", sortAttribute);
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":p", s(partition));
            String condition = "#p = :p";
            if (lowest != null && highest != null) {
                condition += " AND #s BETWEEN :lowest AND :highest";
            } else if (lowest != null) {
                condition += " AND #s >= :lowest";
            } else if (highest != null) {
                condition += " AND #s <= :highest";
            }
            if (lowest != null) {
                values.put(":lowest", s(lowest));
            }
            if (highest != null) {
                values.put(":highest", s(highest));
            }
            return QueryRequest.builder().keyConditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values);
        }

        /** The same range over search entries' sort keys ({@code <created_at>#<transaction_id>}). */
        QueryRequest.Builder sortKeyCondition(String searchKey) {
            CreatedRange sortKeys = new CreatedRange(lowest, highest == null ? null : highest + "#\uffff");
            return sortKeys.keyCondition(TransactionSearchEntries.SEARCH_KEY, TransactionSearchEntries.SORT_KEY,
                    searchKey);
        }
    }
}
