package com.circoflows.adapters.dynamodb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The k-way merge of a list page: each shard's items arrive newest first, and the page takes the
 * newest head of any shard, {@code limit} times. A shard's index orders its items by created_at, then
 * by the table key (transaction_id) among items of the same millisecond, which is the list's own order,
 * so the merge is a merge of sorted runs. Each shard's position afterwards is the last item it gave,
 * or, when it gave none, the page's last item: the next page continues every shard after everything
 * shown, so nothing is shown twice or skipped, and payments created after the first page (newer than
 * every position) never push older ones across a page break.
 */
final class ShardMerge {
    /** Newest first: created_at, then transaction id, both descending (the list's documented order). */
    static <T> Comparator<T> newestFirst(Function<T, String> createdAt, Function<T, String> transactionId) {
        return Comparator.comparing(createdAt).thenComparing(transactionId).reversed();
    }

    /** One shard's read: its items newest first, and whether DynamoDB has more after them. */
    record ShardRead<T>(List<T> items, boolean moreAfter) {
        static <T> ShardRead<T> nothing() {
            return new ShardRead<>(List.of(), false);
        }
    }

    /** The page, and each shard's position for the next one. */
    record Merged<T>(List<T> page, List<ShardPosition> positions) {
        /** Another page exists while any shard is not done. */
        boolean hasMore() {
            return positions.stream().anyMatch(position -> !position.isDone());
        }
    }

    private ShardMerge() {
    }

    /**
     * Takes up to {@code limit} items from {@code reads}, newest first. {@code previous} is where each
     * shard's read started (a shard that is done is read as {@link ShardRead#nothing()}).
     */
    static <T> Merged<T> merge(List<ShardRead<T>> reads, List<ShardPosition> previous, int limit,
            Function<T, String> createdAt, Function<T, String> transactionId) {
        if (reads.size() != previous.size()) {
            throw new IllegalArgumentException("one read per shard position");
        }
        Comparator<T> order = newestFirst(createdAt, transactionId);
        int[] taken = new int[reads.size()];
        List<T> page = new ArrayList<>(limit);
        while (page.size() < limit && !anyShardOutOfSight(reads, taken)) {
            int newest = -1;
            for (int shard = 0; shard < reads.size(); shard++) {
                List<T> items = reads.get(shard).items();
                if (taken[shard] < items.size() && (newest < 0
                        || order.compare(items.get(taken[shard]), reads.get(newest).items().get(taken[newest])) < 0)) {
                    newest = shard;
                }
            }
            if (newest < 0) {
                break;
            }
            page.add(reads.get(newest).items().get(taken[newest]++));
        }
        List<ShardPosition> positions = new ArrayList<>(reads.size());
        for (int shard = 0; shard < reads.size(); shard++) {
            ShardRead<T> read = reads.get(shard);
            boolean allTaken = taken[shard] == read.items().size();
            if (allTaken && !read.moreAfter()) {
                positions.add(ShardPosition.DONE);
            } else if (taken[shard] == 0 && page.isEmpty()) {
                positions.add(previous.get(shard));
            } else if (taken[shard] == 0) {
                // Nothing of this shard was newer than the page's last item, so it continues after that
                // item: a start key need not name an item of the shard, only a place in its order. Left
                // at its old position instead, it would show payments created since the first page.
                T last = page.get(page.size() - 1);
                positions.add(ShardPosition.after(createdAt.apply(last), transactionId.apply(last)));
            } else {
                T last = read.items().get(taken[shard] - 1);
                positions.add(ShardPosition.after(createdAt.apply(last), transactionId.apply(last)));
            }
        }
        return new Merged<>(page, positions);
    }

    /**
     * A shard whose read is all taken while DynamoDB has more of it (its 1 MB response limit ended the
     * read early, e.g. on items with large metadata): its next item is unknown and may be newer than
     * any other shard's head, so the page ends there rather than run ahead of it.
     */
    private static <T> boolean anyShardOutOfSight(List<ShardRead<T>> reads, int[] taken) {
        for (int shard = 0; shard < reads.size(); shard++) {
            if (reads.get(shard).moreAfter() && taken[shard] == reads.get(shard).items().size()) {
                return true;
            }
        }
        return false;
    }
}
