package com.circoflows.domain.payment;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;

/** A transaction was asked to move to a status its life cycle does not allow. */
public final class IllegalTransitionException extends ApiException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(TransactionStatus from, TransactionStatus to) {
        super(ErrorCode.INVALID_TRANSACTION_STATE,
                "The transaction is " + from.wireName() + " and cannot become " + to.wireName() + ".");
    }
}
