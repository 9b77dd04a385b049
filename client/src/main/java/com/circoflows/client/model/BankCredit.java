package com.circoflows.client.model;

import java.time.Instant;

/**
 * Money a bank transfer's payer sent, and what became of it: {@code held} for the merchant to assign or
 * return ({@link #getHeldReason()} says why it was held), {@code applied} to a payment, or
 * {@code returned} to the payer.
 */
public final class BankCredit {
    private String creditId;
    private String bankReference;
    private Long amount;
    private String currency;
    private String status;
    private String heldReason;
    private String reference;
    private String payerName;
    private String receivedAt;
    private String transactionId;
    private String returnId;
    private String settledAt;
    private Boolean livemode;

    private BankCredit() {
    }

    public String getCreditId() {
        return creditId;
    }

    /** The bank's own id of the credit. */
    public String getBankReference() {
        return bankReference;
    }

    /** In the currency's minor unit. */
    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    /** held, applied or returned. */
    public String getStatus() {
        return status;
    }

    /** excess, payment_closed or amount_limit; null once applied. */
    public String getHeldReason() {
        return heldReason;
    }

    /** What the payer typed as reference, or null. */
    public String getReference() {
        return reference;
    }

    public String getPayerName() {
        return payerName;
    }

    public Instant getReceivedAt() {
        return Timestamps.parse(receivedAt);
    }

    /** The payment it was applied to; while held (and once returned), the payment it came for. */
    public String getTransactionId() {
        return transactionId;
    }

    /** The outbound transfer that sent it back (returned only). */
    public String getReturnId() {
        return returnId;
    }

    /** When an assignment or a return took effect. */
    public Instant getSettledAt() {
        return Timestamps.parse(settledAt);
    }

    public Boolean getLivemode() {
        return livemode;
    }

    @Override
    public String toString() {
        return "BankCredit[" + creditId + ", " + status + ", " + amount + " " + currency + "]";
    }
}
