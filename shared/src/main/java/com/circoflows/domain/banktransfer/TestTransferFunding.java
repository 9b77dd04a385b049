package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.IllegalTransitionException;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.payment.TransactionRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * Test mode's stand-in for a payer's bank: puts a credit for a test payment on the bank credit feed, where
 * the real consumer applies it. By default the credit is paid into the payment's virtual account with its
 * reference, as a careful payer would; a typed reference instead comes without the account, as from a payer
 * who only typed the reference, so the reference matching is what is tested. Two references are magic:
 * {@value #NEVER_MATCHES} is held as unmatched, {@value #DUPLICATE} sends the same credit twice.
 */
public final class TestTransferFunding {
    public static final String NEVER_MATCHES = "RF_TEST_UNMATCHED";
    public static final String DUPLICATE = "RF_TEST_DUPLICATE";
    static final String PAYER = "Test Payer";

    private final TransactionRepository transactions;
    private final BankCreditFeed feed;
    private final Clock clock;

    public TestTransferFunding(TransactionRepository transactions, BankCreditFeed feed, Clock clock) {
        this.transactions = transactions;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * What was put on the feed.
     *
     * @param deliveries 2 for the duplicate scenario, else 1
     */
    public record Funded(BankCredit credit, int deliveries) {
    }

    /**
     * @param amountMinorUnits what to send; null for what the payment still lacks
     * @param typedReference   the reference the payer typed, or null for the payment's own with its account
     * @param bankReference    the credit's id at the bank: the same for a retry of the same request
     * @throws ApiException test_mode_only (403) for a live key; transaction_not_found (404) for a payment the
     *     caller does not own; invalid_transaction_state (409) for a card payment
     */
    public Funded fund(AuthenticatedKey caller, String transactionId, Long amountMinorUnits, String typedReference,
            String bankReference) {
        Objects.requireNonNull(bankReference, "bankReference");
        if (caller.mode() != Mode.TEST) {
            throw new ApiException(ErrorCode.TEST_MODE_ONLY);
        }
        Transaction payment = new TransactionQueries(transactions).findOwned(caller, transactionId);
        if (payment.bankTransfer() == null) {
            throw new IllegalTransitionException(payment.status(), "funded",
                    "only bank-transfer payments are paid by bank transfer");
        }
        Money amount = amountMinorUnits != null ? new Money(amountMinorUnits, payment.amount().currency())
                : lacking(payment);
        boolean duplicate = DUPLICATE.equals(typedReference);
        boolean ownAccount = typedReference == null || duplicate;
        String reference = ownAccount ? payment.bankTransfer().reference().printed()
                : NEVER_MATCHES.equals(typedReference) ? "UNMATCHED TEST CREDIT" : typedReference;
        String account = ownAccount ? payment.bankTransfer().payInAccount() : null;
        BankCredit credit = new BankCredit(amount, reference, account, PAYER, bankReference, clock.instant());
        int deliveries = duplicate ? 2 : 1;
        for (int i = 0; i < deliveries; i++) {
            feed.deliver(credit);
        }
        return new Funded(credit, deliveries);
    }

    /** What is still missing, or the whole amount again once nothing is (to test an overpayment). */
    private static Money lacking(Transaction payment) {
        Money remaining = payment.bankTransfer().remaining(payment.amount());
        return remaining.isZero() ? payment.amount() : remaining;
    }
}
