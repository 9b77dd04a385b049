package com.circoflows.api.payments;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.util.regex.Pattern;

/** Path ids that can't be ours are 404s at once, without touching the database. */
public final class TransactionIds {
    private static final Pattern SHAPE = Pattern.compile("^txn_[0-9A-Za-z]{24}$");

    private TransactionIds() {
    }

    public static String fromPath(String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new ApiException(ErrorCode.TRANSACTION_NOT_FOUND);
        }
        return value;
    }
}
