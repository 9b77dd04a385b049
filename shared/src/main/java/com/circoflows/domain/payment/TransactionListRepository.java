package com.circoflows.domain.payment;

import com.circoflows.domain.merchant.Mode;

/**
 * A merchant's transactions of one mode, newest first, a page at a time. Implementations read a
 * bounded number of items per page whatever the merchant's size: an index or a set of search
 * entries, never a scan.
 */
public interface TransactionListRepository {
    /**
     * Up to {@code limit} transactions passing {@code filter}, after the position {@code cursor} (a
     * next_cursor this method returned for the same merchant, mode and filter; null for the first
     * page). A cursor made for anything else is a 400 naming {@code cursor}.
     */
    TransactionPage list(String merchantId, Mode mode, TransactionFilter filter, int limit, String cursor);
}
