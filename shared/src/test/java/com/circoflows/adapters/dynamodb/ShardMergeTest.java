package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardMergeTest {
    /** A listed item: created_at as stored, and its transaction id. */
    private record Item(String createdAt, String id) {
    }

    private static final List<ShardPosition> FRESH =
            List.of(ShardPosition.START, ShardPosition.START, ShardPosition.START, ShardPosition.START);

    @Test
    void mergesTheShardsNewestFirstBreakingTiesByTransactionIdDescending() {
        List<ShardMerge.ShardRead<Item>> reads = List.of(
                read(false, item(5, "txn_a"), item(1, "txn_b")),
                read(false, item(5, "txn_c"), item(2, "txn_d")),
                read(false),
                read(false, item(3, "txn_e")));

        ShardMerge.Merged<Item> merged = merge(reads, FRESH, 10);

        assertEquals(List.of("txn_c", "txn_a", "txn_e", "txn_d", "txn_b"), ids(merged.page()));
        assertFalse(merged.hasMore(), "every shard gave everything it had");
    }

    @Test
    void eachShardContinuesAfterTheLastItemItGave() {
        List<ShardMerge.ShardRead<Item>> reads = List.of(
                read(true, item(9, "txn_a"), item(4, "txn_b")),
                read(false, item(8, "txn_c")),
                read(true, item(7, "txn_d"), item(6, "txn_e")),
                read(false));

        ShardMerge.Merged<Item> merged = merge(reads, FRESH, 3);

        assertEquals(List.of("txn_a", "txn_c", "txn_d"), ids(merged.page()));
        assertEquals(List.of(ShardPosition.after(time(9), "txn_a"), ShardPosition.DONE,
                ShardPosition.after(time(7), "txn_d"), ShardPosition.DONE), merged.positions());
        assertTrue(merged.hasMore());
    }

    @Test
    void aShardThatGaveNothingContinuesAfterThePagesLastItemNotFromItsTop() {
        List<ShardMerge.ShardRead<Item>> reads = List.of(
                read(false, item(9, "txn_a"), item(8, "txn_b")),
                read(false, item(2, "txn_c")),
                read(false),
                read(false));

        ShardMerge.Merged<Item> merged = merge(reads, FRESH, 2);

        assertEquals(ShardPosition.after(time(8), "txn_b"), merged.positions().get(1),
                "a payment made in shard 1 since this page is newer than that: the next page never shows it");
    }

    @Test
    void anEmptyPageKeepsThePositionsItWasGiven() {
        List<ShardPosition> previous = List.of(ShardPosition.after(time(3), "txn_a"), ShardPosition.DONE,
                ShardPosition.DONE, ShardPosition.DONE);

        ShardMerge.Merged<Item> merged = merge(List.of(read(true), read(false), read(false), read(false)), previous, 5);

        assertEquals(List.of(), merged.page());
        assertEquals(previous, merged.positions());
    }

    @Test
    void walkingPagesOfAnyLimitShowsEveryItemOnceInOrder() {
        Random random = new Random(15);
        for (int run = 0; run < 200; run++) {
            List<List<Item>> shards = new ArrayList<>();
            List<Item> all = new ArrayList<>();
            for (int shard = 0; shard < 4; shard++) {
                List<Item> items = new ArrayList<>();
                int count = random.nextInt(12);
                for (int i = 0; i < count; i++) {
                    // Few distinct times, so many ties across and within shards.
                    items.add(item(random.nextInt(5), "txn_" + shard + "_" + i));
                }
                items.sort(ShardMerge.newestFirst(Item::createdAt, Item::id));
                shards.add(items);
                all.addAll(items);
            }
            all.sort(ShardMerge.newestFirst(Item::createdAt, Item::id));
            int limit = 1 + random.nextInt(6);

            assertEquals(ids(all), ids(walk(shards, limit)), "run " + run + ", limit " + limit);
        }
    }

    @Test
    void aShardCutShortByDynamoDbEndsThePageAtItsLastItem() {
        List<ShardMerge.ShardRead<Item>> reads = List.of(
                read(true, item(9, "txn_a")),
                read(false, item(8, "txn_b"), item(1, "txn_c")),
                read(false),
                read(false));

        ShardMerge.Merged<Item> merged = merge(reads, FRESH, 3);

        assertEquals(List.of("txn_a"), ids(merged.page()),
                "shard 0's next item, not read, may be newer than txn_b: the page stops before txn_b");
        assertEquals(List.of(ShardPosition.after(time(9), "txn_a"), ShardPosition.after(time(9), "txn_a"),
                ShardPosition.DONE, ShardPosition.DONE), merged.positions());
        assertTrue(merged.hasMore());
    }

    @Test
    void walkingPagesWhoseReadsDynamoDbCutsShortStillShowsEveryItemOnceInOrder() {
        Random random = new Random(17);
        for (int run = 0; run < 200; run++) {
            List<List<Item>> shards = new ArrayList<>();
            List<Item> all = new ArrayList<>();
            for (int shard = 0; shard < 4; shard++) {
                List<Item> items = new ArrayList<>();
                int count = random.nextInt(12);
                for (int i = 0; i < count; i++) {
                    items.add(item(random.nextInt(5), "txn_" + shard + "_" + i));
                }
                items.sort(ShardMerge.newestFirst(Item::createdAt, Item::id));
                shards.add(items);
                all.addAll(items);
            }
            all.sort(ShardMerge.newestFirst(Item::createdAt, Item::id));
            int limit = 1 + random.nextInt(6);

            // The 1 MB limit may end any read after its first item.
            assertEquals(ids(all), ids(walk(shards, limit, asked -> 1 + random.nextInt(asked))),
                    "run " + run + ", limit " + limit);
        }
    }

    /** Pages through the shards as DynamoDB would serve them: limit + 1 items after each position. */
    private static List<Item> walk(List<List<Item>> shards, int limit) {
        return walk(shards, limit, asked -> asked);
    }

    /** The same, where a read of {@code asked} items returns {@code served.applyAsInt(asked)} of them. */
    private static List<Item> walk(List<List<Item>> shards, int limit, java.util.function.IntUnaryOperator served) {
        Comparator<Item> order = ShardMerge.newestFirst(Item::createdAt, Item::id);
        List<Item> shown = new ArrayList<>();
        List<ShardPosition> positions = FRESH;
        for (int page = 0; page < 100; page++) {
            List<ShardMerge.ShardRead<Item>> reads = new ArrayList<>();
            for (int shard = 0; shard < 4; shard++) {
                ShardPosition position = positions.get(shard);
                if (position.isDone()) {
                    reads.add(ShardMerge.ShardRead.nothing());
                    continue;
                }
                Item after = position.isStart() ? null : new Item(position.createdAt(), position.transactionId());
                List<Item> rest = shards.get(shard).stream()
                        .filter(item -> after == null || order.compare(item, after) > 0).toList();
                List<Item> given = rest.subList(0, Math.min(rest.size(), served.applyAsInt(limit + 1)));
                reads.add(new ShardMerge.ShardRead<>(given, rest.size() > given.size()));
            }
            ShardMerge.Merged<Item> merged = merge(reads, positions, limit);
            shown.addAll(merged.page());
            if (!merged.hasMore()) {
                return shown;
            }
            positions = merged.positions();
        }
        throw new AssertionError("more than 100 pages");
    }

    private static ShardMerge.Merged<Item> merge(List<ShardMerge.ShardRead<Item>> reads, List<ShardPosition> previous,
            int limit) {
        return ShardMerge.merge(reads, previous, limit, Item::createdAt, Item::id);
    }

    @SafeVarargs
    private static ShardMerge.ShardRead<Item> read(boolean moreAfter, Item... items) {
        return new ShardMerge.ShardRead<>(List.of(items), moreAfter);
    }

    private static Item item(int second, String id) {
        return new Item(time(second), id);
    }

    private static String time(int second) {
        return String.format("2030-01-01T00:00:%02d.000Z", second);
    }

    private static List<String> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }
}
