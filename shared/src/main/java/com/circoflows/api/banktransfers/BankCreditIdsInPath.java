package com.circoflows.api.banktransfers;

import com.circoflows.domain.banktransfer.BankCreditIds;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;

/** A credit id from the path: one that cannot be an id is "no such credit", as for an unknown one. */
final class BankCreditIdsInPath {
    private BankCreditIdsInPath() {
    }

    static String of(String raw) {
        if (!BankCreditIds.isWellFormed(raw)) {
            throw new ApiException(ErrorCode.BANK_CREDIT_NOT_FOUND);
        }
        return raw;
    }
}
