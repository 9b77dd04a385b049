package com.circoflows.domain.banktransfer;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.Transaction;
import java.time.Instant;

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
        AMOUNT_LIMIT("amount_limit"),
        /**
         * The part of a credit its payment did not need: paid over the amount, paid after it was paid in full,
         * or received before it expired unpaid. Owed back to the payer, so held to be returned.
         */
        EXCESS("excess");

        private final String wireName;

        Reason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Reason fromWireName(String value) {
            for (Reason reason : values()) {
                if (reason.wireName.equals(value)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("unknown held reason " + value);
        }
    }

    public static HeldCredit unmatched(BankCredit credit) {
        return new HeldCredit(credit, Reason.UNMATCHED, null, null, null);
    }

    /** What of {@code credit} the payment did not need, held for its merchant; its own bank reference is derived. */
    public static HeldCredit excessOf(BankCredit credit, Money excess, Transaction payment) {
        return new HeldCredit(new BankCredit(excess, credit.reference(), credit.virtualAccount(), credit.payerName(),
                credit.bankReference() + EXCESS_SUFFIX, credit.receivedAt()), Reason.EXCESS, payment.merchantId(),
                payment.mode(), payment.transactionId());
    }

    /** What an expired transfer had received, held for its merchant to send back. */
    public static HeldCredit receivedBeforeExpiry(Transaction expired, Instant at) {
        BankTransferDetails transfer = expired.bankTransfer();
        return new HeldCredit(new BankCredit(transfer.received(), transfer.reference().electronic(), null, null,
                expired.transactionId() + EXPIRED_SUFFIX, at), Reason.EXCESS, expired.merchantId(), expired.mode(),
                expired.transactionId());
    }

    /** Derived bank references: the bank's own never hold '#'. */
    static final String EXCESS_SUFFIX = "#excess";
    static final String EXPIRED_SUFFIX = "#expired";
}
