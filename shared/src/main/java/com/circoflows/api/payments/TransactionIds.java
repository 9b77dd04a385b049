package com.circoflows.api.payments;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.util.regex.Pattern;

/** Path ids that can't be ours are 404s at once, without touching the database. */
public final class TransactionIds {
    private static final Pattern SHAPE = Pattern.compile("^txn_[0-9A-Za-z]{24}$");

    private TransactionIds() {
    }

    /** Whether {@code value} has the shape of the ids payments get (txn_ and 24 base62 characters). */
    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    public static String fromPath(String value) {
        if (!isWellFormed(value)) {
            throw new ApiException(ErrorCode.TRANSACTION_NOT_FOUND);
        }
        return value;
    }
}
