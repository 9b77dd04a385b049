package com.circoflows.client.model;

/** Where a held credit goes: a bank transfer of yours, in its currency, still lacking at least its amount. */
public final class AssignBankCreditParams {
    private final String transactionId;

    private AssignBankCreditParams(String transactionId) {
        this.transactionId = transactionId;
    }

    public static AssignBankCreditParams toPayment(String transactionId) {
        if (transactionId == null || transactionId.isEmpty()) {
            throw new IllegalArgumentException("a transaction id is required");
        }
        return new AssignBankCreditParams(transactionId);
    }

    public String getTransactionId() {
        return transactionId;
    }
}
