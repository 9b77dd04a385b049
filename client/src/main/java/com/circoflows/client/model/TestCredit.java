package com.circoflows.client.model;

import java.time.Instant;

/**
 * The credit a test bank transfer's funding put on the bank credit feed. It is applied a moment later:
 * read the payment (or wait for its webhook) to see the effect.
 */
public final class TestCredit {
    private String transactionId;
    private String creditId;
    private String bankReference;
    private Long amount;
    private String currency;
    private String reference;
    private String virtualAccount;
    private String payerName;
    private String receivedAt;
    private Integer deliveries;

    private TestCredit() {
    }

    public String getTransactionId() {
        return transactionId;
    }

    /** The id the credit is recorded under (BankCreditService.retrieve once recorded). */
    public String getCreditId() {
        return creditId;
    }

    public String getBankReference() {
        return bankReference;
    }

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReference() {
        return reference;
    }

    /** The payment's own account; null when a reference was typed. */
    public String getVirtualAccount() {
        return virtualAccount;
    }

    public String getPayerName() {
        return payerName;
    }

    public Instant getReceivedAt() {
        return Timestamps.parse(receivedAt);
    }

    /** 2 for RF_TEST_DUPLICATE, else 1. */
    public Integer getDeliveries() {
        return deliveries;
    }

    @Override
    public String toString() {
        return "TestCredit[" + creditId + ", " + amount + " " + currency + "]";
    }
}
