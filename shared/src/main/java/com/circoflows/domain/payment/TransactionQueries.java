package com.circoflows.domain.payment;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;

/** Tenant isolation in one place: another merchant's transaction is reported as not found. */
public final class TransactionQueries {
    private final TransactionRepository transactions;

    public TransactionQueries(TransactionRepository transactions) {
        this.transactions = transactions;
    }

    public Transaction findOwned(AuthenticatedKey caller, String transactionId) {
        return transactions.find(transactionId)
                .filter(t -> t.belongsTo(caller.merchantId()) && t.mode() == caller.mode())
                .orElseThrow(() -> new ApiException(ErrorCode.TRANSACTION_NOT_FOUND));
    }
}
