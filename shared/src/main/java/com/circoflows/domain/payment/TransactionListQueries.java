package com.circoflows.domain.payment;

import com.circoflows.domain.merchant.AuthenticatedKey;

/** GET /api/direct-payment: the caller's own transactions in the caller key's mode, nobody else's. */
public final class TransactionListQueries {
    private final TransactionListRepository transactions;

    public TransactionListQueries(TransactionListRepository transactions) {
        this.transactions = transactions;
    }

    /**
     * A page of the caller's transactions. Every transaction is a card payment, so {@code card} (or no
     * method) filters nothing, and any other method is an empty page without a read.
     */
    public TransactionPage list(AuthenticatedKey caller, TransactionFilter filter, PaymentMethod method, int limit,
            String cursor) {
        if (method != null && method != PaymentMethod.CARD) {
            return TransactionPage.empty();
        }
        TransactionPage page = transactions.list(caller.merchantId(), caller.mode(), filter, limit, cursor);
        // The repository reads only the caller's partitions; this check keeps a bug there from showing
        // another tenant's payment.
        boolean foreign = page.transactions().stream()
                .anyMatch(t -> !t.belongsTo(caller.merchantId()) || t.mode() != caller.mode() || !filter.matches(t));
        if (foreign) {
            throw new IllegalStateException("the transaction list read a payment outside the caller's scope or filter");
        }
        return page;
    }
}
