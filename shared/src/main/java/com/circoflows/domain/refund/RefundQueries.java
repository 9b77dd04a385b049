package com.circoflows.domain.refund;

import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.payment.TransactionRepository;
import java.util.List;

/** Reading refunds, behind the payment's tenant check: another merchant's payment is not found. */
public final class RefundQueries {
    private final TransactionRepository transactions;
    private final RefundRepository refunds;

    public RefundQueries(TransactionRepository transactions, RefundRepository refunds) {
        this.transactions = transactions;
        this.refunds = refunds;
    }

    /** The payment's refunds, oldest first. */
    public List<Refund> list(AuthenticatedKey caller, String transactionId) {
        Transaction payment = new TransactionQueries(transactions).findOwned(caller, transactionId);
        return refunds.forTransaction(payment.transactionId());
    }
}
