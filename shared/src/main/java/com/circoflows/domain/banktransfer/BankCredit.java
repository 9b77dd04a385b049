package com.circoflows.domain.banktransfer;

import com.circoflows.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * Money the collection bank received, as its feed reports it.
 *
 * @param reference      what the payer typed as reference, as the bank passed it on; may be null
 * @param virtualAccount the account of ours it was paid into (IBAN or account number), or null when the
 *                       bank does not say
 * @param bankReference  the bank's own unique id of the credit: the same credit delivered twice has the same
 */
public record BankCredit(Money amount, String reference, String virtualAccount, String payerName,
        String bankReference, Instant receivedAt) {

    public BankCredit {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(bankReference, "bankReference");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a credit moves money");
        }
    }

    /** Neither the payer's name nor the account: what a log line may show. */
    @Override
    public String toString() {
        return "BankCredit[" + bankReference + ", " + amount.formatPlain() + "]";
    }
}
