package com.circoflows.domain.payment;

import java.util.List;

/** One page of a merchant's transactions, newest first; {@code nextCursor} is null on the last page. */
public record TransactionPage(List<Transaction> transactions, String nextCursor) {
    public static TransactionPage empty() {
        return new TransactionPage(List.of(), null);
    }
}
