package com.circoflows.client.model;

/**
 * Test mode only: how to pay a test bank transfer. By default what it still lacks, into its own account
 * with its reference; {@code reference} makes the credit carry only what the "payer" typed
 * ({@code RF_TEST_UNMATCHED} and {@code RF_TEST_DUPLICATE} are magic, see docs/bank-transfers.md).
 */
public final class TestFundParams {
    private final Long amount;
    private final String reference;

    private TestFundParams(Long amount, String reference) {
        this.amount = amount;
        this.reference = reference;
    }

    /** What the payment still lacks (its whole amount again once paid, to try an overpayment). */
    public static TestFundParams rest() {
        return new TestFundParams(null, null);
    }

    public static TestFundParams amount(long amount) {
        return new TestFundParams(amount, null);
    }

    /** Another credit, with the typed reference instead of the payment's account. */
    public TestFundParams withReference(String typedReference) {
        return new TestFundParams(amount, typedReference);
    }

    public Long getAmount() {
        return amount;
    }

    public String getReference() {
        return reference;
    }
}
