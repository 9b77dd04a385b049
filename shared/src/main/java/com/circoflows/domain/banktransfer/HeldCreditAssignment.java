package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.IllegalTransitionException;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Clock;
import java.time.Instant;

/**
 * Assigns a held credit to the payment it was meant for: it then counts as if it had matched, in one write
 * with the payment's change and event, on the condition that the credit is still held.
 */
public final class HeldCreditAssignment {
    /** Concurrent changes of one payment an assignment outlasts before answering 503 (retry). */
    static final int MAX_RACES = 16;

    private final HeldCredits held;
    private final BankCreditLedger ledger;
    private final TransactionRepository transactions;
    private final TransactionWriter writer;
    private final Clock clock;

    public HeldCreditAssignment(BankCreditLedger ledger, TransactionRepository transactions, TransactionWriter writer,
            Clock clock) {
        this.held = new HeldCredits(ledger, clock);
        this.ledger = ledger;
        this.transactions = transactions;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Applies a held credit to one of the caller's bank transfers still waiting for money: it counts towards
     * the amount (and completes the payment when it is reached). A credit larger than what is missing is
     * refused: it would only become excess again.
     *
     * @throws ApiException 404 for a credit or payment not the caller's; 409 bank_credit_not_held,
     *     409 invalid_transaction_state for a card payment or a transfer no longer pending; 400
     *     invalid_currency for a payment in another currency; 400 invalid_amount for more than it lacks
     */
    public RecordedCredit assign(AuthenticatedKey caller, String creditId, String transactionId) {
        RecordedCredit credit = HeldCredits.requireHeld(held.get(caller, creditId));
        TransactionQueries owned = new TransactionQueries(transactions);
        for (int race = 0; race < MAX_RACES; race++) {
            Transaction payment = owned.findOwned(caller, transactionId);
            if (!payment.awaitsTransfer()) {
                throw new IllegalTransitionException(payment.status(), "credited",
                        "only bank transfers still waiting for money take a held credit");
            }
            if (!payment.amount().sameCurrencyAs(credit.amount())) {
                throw ApiException.withParam(ErrorCode.INVALID_CURRENCY, "transaction_id", "The credit is in "
                        + credit.amount().currencyCode() + "; the payment is in " + payment.amount().currencyCode() + ".");
            }
            Money lacking = payment.bankTransfer().remaining(payment.amount());
            if (credit.amount().isMoreThan(lacking)) {
                throw new ApiException(ErrorCode.INVALID_AMOUNT, "The credit is more than the payment still needs ("
                        + lacking.minorUnits() + "); assign it to a payment it fits, or return it.",
                        "transaction_id", null);
            }
            Instant now = clock.instant();
            Transaction credited = payment.receiveTransfer(credit.amount(), now);
            WebhookEvent event = writer.announce(credited);
            BankCreditLedger.Write write = ledger.assign(credit, credited, event, now);
            if (write == BankCreditLedger.Write.DUPLICATE) {
                throw new ApiException(ErrorCode.BANK_CREDIT_NOT_HELD);
            }
            if (write == BankCreditLedger.Write.RECORDED) {
                writer.queueDelivery(event);
                return ledger.find(creditId).orElseThrow();
            }
        }
        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "Too many changes to this payment at once; retry the assignment.");
    }

}
