package com.circoflows.domain.payment;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;

/** A payment was asked for an operation its state does not allow (409 invalid_transaction_state). */
public final class IllegalTransitionException extends ApiException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(TransactionStatus from, TransactionStatus to) {
        super(ErrorCode.INVALID_TRANSACTION_STATE,
                "The transaction is " + from.wireName() + " and cannot become " + to.wireName() + ".");
    }

    /** @param explanation why, in the merchant's terms ("only authorized payments can be captured") */
    public IllegalTransitionException(TransactionStatus from, String operation, String explanation) {
        super(ErrorCode.INVALID_TRANSACTION_STATE,
                "The transaction is " + from.wireName() + " and cannot be " + operation + "; " + explanation + ".");
    }
}
