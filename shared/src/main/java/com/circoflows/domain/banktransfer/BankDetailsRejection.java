package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;

/**
 * The 400 a malformed account detail or reference becomes. The typed text is never repeated in the
 * message: it may be a payer's account number, which must not reach logs.
 */
final class BankDetailsRejection {

    private BankDetailsRejection() {
    }

    static ApiException of(String param, String message) {
        return ApiException.invalidParam(param, message);
    }

    /** The compact text, or a 400 when it is absent or absurdly long. */
    static String compactOrReject(String typed, String param, String what) {
        if (typed == null) {
            throw of(param, "Missing required param: " + param + ".");
        }
        if (typed.length() > BankText.LONGEST_RAW_INPUT) {
            throw of(param, "The " + what + " is far too long.");
        }
        return BankText.compactUpperCase(typed);
    }
}
