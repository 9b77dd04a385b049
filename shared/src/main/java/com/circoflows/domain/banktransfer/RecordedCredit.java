package com.circoflows.domain.banktransfer;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.time.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A credit as the ledger recorded it, and what became of it.
 *
 * @param reference     the payer's text as stored (card numbers masked), or null
 * @param heldReason    why it is held; null unless held
 * @param merchantId    whose it is; null for a held credit nobody could be named for
 * @param transactionId the payment it was applied to, or the closed one it named; may be null
 * @param returnId      the outbound transfer that sent it back; null unless returned
 */
public record RecordedCredit(String creditId, String bankReference, com.circoflows.domain.money.Money amount,
        String reference, String payerName, Instant receivedAt, Outcome outcome, HeldCredit.Reason heldReason,
        String merchantId, Mode mode, String transactionId, String returnId, Instant settledAt) {

    public enum Outcome {
        APPLIED("applied"),
        HELD("held"),
        RETURNED("returned");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Outcome fromWireName(String value) {
            for (Outcome outcome : values()) {
                if (outcome.wireName.equals(value)) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("unknown credit outcome " + value);
        }
    }

    public RecordedCredit {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean belongsTo(String merchant, Mode callerMode) {
        return merchant.equals(merchantId) && callerMode == mode;
    }

    /** The credit as GET /api/bank-credits shows it: the payer's name and text as the bank passed them on. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("credit_id", creditId);
        view.put("bank_reference", bankReference);
        view.put("amount", amount.minorUnits());
        view.put("currency", amount.currencyCode());
        view.put("status", outcome.wireName());
        if (heldReason != null) {
            view.put("held_reason", heldReason.wireName());
        }
        view.put("reference", reference);
        view.put("payer_name", payerName);
        view.put("received_at", Timestamps.format(receivedAt));
        view.put("transaction_id", transactionId);
        if (returnId != null) {
            view.put("return_id", returnId);
        }
        if (settledAt != null) {
            view.put("settled_at", Timestamps.format(settledAt));
        }
        view.put("livemode", mode == Mode.LIVE);
        return view;
    }
}
