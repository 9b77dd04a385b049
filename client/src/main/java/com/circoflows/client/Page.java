package com.circoflows.client;

import java.util.Collections;
import java.util.List;

/** One page of a list: its items, and the cursor of the next page while {@link #hasMore()}. */
public final class Page<T> {
    private final List<T> data;
    private final boolean hasMore;
    private final String nextCursor;

    Page(List<T> data, boolean hasMore, String nextCursor) {
        this.data = Collections.unmodifiableList(data);
        this.hasMore = hasMore;
        this.nextCursor = nextCursor;
    }

    public List<T> getData() {
        return data;
    }

    /**
     * More pages follow. A filtered page may hold fewer items than asked for, even none, and still have
     * more: keep paging ({@code PaymentService.listAll} does).
     */
    public boolean hasMore() {
        return hasMore;
    }

    public String getNextCursor() {
        return nextCursor;
    }
}
