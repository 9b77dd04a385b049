package com.circoflows.domain.session;

import com.circoflows.domain.merchant.Mode;

/**
 * A merchant's hosted payment sessions of one mode, newest first, a page at a time. Implementations
 * read a bounded number of items per page whatever the merchant's size: an index, never a scan.
 */
public interface PaymentSessionListRepository {
    /**
     * Up to {@code limit} sessions passing {@code filter} (as stored: the caller shows them as of
     * now), after the position {@code cursor} (a next_cursor this method returned for the same
     * merchant, mode and filter; null for the first page). A cursor made for anything else is a 400
     * naming {@code cursor}. A filtered page may hold fewer than {@code limit} sessions, even none,
     * and still have a next cursor.
     */
    SessionPage list(String merchantId, Mode mode, SessionListFilter filter, int limit, String cursor);
}
