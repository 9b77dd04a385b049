package com.circoflows.domain.banktransfer;

import com.circoflows.domain.merchant.Mode;

/**
 * A credit kept apart from every payment, to be assigned or sent back: never dropped.
 *
 * @param merchantId    whose it is, when that is known (it names an account or reference of theirs), else null
 * @param transactionId the payment it names but cannot pay (expired, canceled), else null
 */
public record HeldCredit(BankCredit credit, Reason reason, String merchantId, Mode mode, String transactionId) {

    public enum Reason {
        /** Neither its account nor its reference names a payment. */
        UNMATCHED("unmatched"),
        /** It names a payment that no longer takes money (expired or canceled): to be sent back. */
        PAYMENT_CLOSED("payment_closed"),
        /**
         * It would take what its payment received past the most one amount can be (99,999,999 minor units):
         * held whole for a person rather than split.
         */
        AMOUNT_LIMIT("amount_limit");

        private final String wireName;

        Reason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public static HeldCredit unmatched(BankCredit credit) {
        return new HeldCredit(credit, Reason.UNMATCHED, null, null, null);
    }
}
