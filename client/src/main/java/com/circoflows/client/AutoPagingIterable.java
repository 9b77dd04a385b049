package com.circoflows.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Every item of a list, fetching the next page (with the previous page's {@code next_cursor}, unedited)
 * only when the items in hand run out. Each {@link #iterator()} starts again from the first page.
 */
final class AutoPagingIterable<T> implements Iterable<T> {
    private final Function<String, Page<T>> fetchPage;

    /** @param fetchPage fetches the page at a cursor; null for the first */
    AutoPagingIterable(Function<String, Page<T>> fetchPage) {
        this.fetchPage = fetchPage;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<T>() {
            private Page<T> page = fetchPage.apply(null);
            private Iterator<T> items = page.getData().iterator();

            @Override
            public boolean hasNext() {
                // An empty page may still say has_more (filters are checked on the entries read).
                while (!items.hasNext() && page.hasMore() && page.getNextCursor() != null) {
                    page = fetchPage.apply(page.getNextCursor());
                    items = page.getData().iterator();
                }
                return items.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
    }
}
