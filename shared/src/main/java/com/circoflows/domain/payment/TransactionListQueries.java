package com.circoflows.domain.payment;

import com.circoflows.domain.merchant.AuthenticatedKey;

/** GET /api/direct-payment: the caller's own transactions in the caller key's mode, nobody else's. */
public final class TransactionListQueries {
    private final TransactionListRepository transactions;

    public TransactionListQueries(TransactionListRepository transactions) {
        this.transactions = transactions;
    }

    /**
     * A page of the caller's transactions. {@code method} narrows the page after it is read (no index
     * holds it): a page may then hold fewer than {@code limit}, and next_cursor still goes on.
     */
    public TransactionPage list(AuthenticatedKey caller, TransactionFilter filter, PaymentMethod method, int limit,
            String cursor) {
        TransactionPage page = transactions.list(caller.merchantId(), caller.mode(), filter, limit, cursor);
        // The repository reads only the caller's partitions; this check keeps a bug there from showing
        // another tenant's payment.
        boolean foreign = page.transactions().stream()
                .anyMatch(t -> !t.belongsTo(caller.merchantId()) || t.mode() != caller.mode() || !filter.matches(t));
        if (foreign) {
            throw new IllegalStateException("the transaction list read a payment outside the caller's scope or filter");
        }
        if (method == null) {
            return page;
        }
        return new TransactionPage(page.transactions().stream().filter(t -> t.paymentMethod() == method).toList(),
                page.nextCursor());
    }
}
