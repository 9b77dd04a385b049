package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the bank's credits to payments. Each credit is matched ({@link CreditMatcher}), then recorded in
 * one atomic write with its effect: the payment's new amount received (and status, and event), or the
 * credit held apart. A crash anywhere before that write leaves nothing, and the feed delivers the credit
 * again; a credit delivered twice (same bank reference) finds itself recorded and changes nothing. Credits
 * add up, so their order does not matter.
 *
 * <ul>
 *   <li>pending payment: counted; reaching the amount completes it (payment.succeeded) and what goes over is
 *       excess, held for the merchant to return; short of it, it stays pending and payment.pending tells the
 *       merchant what arrived</li>
 *   <li>paid payment: all of it is excess, held for the merchant to return</li>
 *   <li>expired or canceled payment: held for the merchant, to be sent back</li>
 *   <li>a credit that would take the payment's amount received past the most an amount can be: held</li>
 *   <li>no payment: held, unattributed</li>
 * </ul>
 */
public final class BankCreditService {
    private static final JsonLog LOG = JsonLog.get(BankCreditService.class);
    /** Concurrent changes of one payment (credits, expiry, refunds) a credit outlasts before its delivery is retried. */
    static final int MAX_RACES = 16;

    public enum Outcome { APPLIED, HELD, DUPLICATE }

    private final CreditMatcher matcher;
    private final BankCreditLedger ledger;
    private final TransactionRepository transactions;
    private final TransactionWriter writer;
    private final Clock clock;

    public BankCreditService(CreditMatcher matcher, BankCreditLedger ledger, TransactionRepository transactions,
            TransactionWriter writer, Clock clock) {
        this.matcher = matcher;
        this.ledger = ledger;
        this.transactions = transactions;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * @throws RetryableFailure when the payment kept changing under it; nothing was written for the credit
     */
    public Outcome receive(BankCredit credit) {
        if (ledger.isRecorded(credit.bankReference())) {
            log("bank_credit_duplicate", credit, null);
            return Outcome.DUPLICATE;
        }
        Optional<ClaimedTransfer> claimed = matcher.match(credit);
        if (claimed.isEmpty()) {
            return held(HeldCredit.unmatched(credit));
        }
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<Transaction> found = transactions.find(claimed.get().transactionId());
            if (found.isEmpty() || !found.get().belongsTo(claimed.get().merchantId())
                    || found.get().bankTransfer() == null) {
                // A number claimed by a request that crashed before storing its payment: nobody's payment.
                return held(HeldCredit.unmatched(credit));
            }
            Transaction payment = found.get();
            if (!(payment.awaitsTransfer() || payment.status().isCaptured())) {
                return held(new HeldCredit(credit, HeldCredit.Reason.PAYMENT_CLOSED, payment.merchantId(),
                        payment.mode(), payment.transactionId()));
            }
            if (!payment.bankTransfer().canRecord(credit.amount())) {
                return held(new HeldCredit(credit, HeldCredit.Reason.AMOUNT_LIMIT, payment.merchantId(),
                        payment.mode(), payment.transactionId()));
            }
            Transaction credited = payment.receiveTransfer(credit.amount(), clock.instant());
            // Paid payments only gain excess: no event. Pending ones announce what arrived, or that they are paid.
            WebhookEvent event = payment.status() == TransactionStatus.PENDING ? writer.announce(credited) : null;
            Money excess = credited.bankTransfer().excess().minus(payment.bankTransfer().excess());
            HeldCredit owed = excess.isZero() ? null : HeldCredit.excessOf(credit, excess, payment);
            BankCreditLedger.Write write = ledger.apply(credit, credited, event, owed);
            if (write == BankCreditLedger.Write.DUPLICATE) {
                log("bank_credit_duplicate", credit, payment.transactionId());
                return Outcome.DUPLICATE;
            }
            if (write == BankCreditLedger.Write.RECORDED) {
                if (event != null) {
                    writer.queueDelivery(event);
                }
                log("bank_credit_applied", credit, payment.transactionId());
                return Outcome.APPLIED;
            }
        }
        throw new RetryableFailure("payment " + claimed.get().transactionId() + " kept changing under credit "
                + credit.bankReference(), null);
    }

    private Outcome held(HeldCredit held) {
        if (ledger.hold(held) == BankCreditLedger.Write.DUPLICATE) {
            log("bank_credit_duplicate", held.credit(), held.transactionId());
            return Outcome.DUPLICATE;
        }
        log("bank_credit_held", held.credit(), held.transactionId());
        return Outcome.HELD;
    }

    private static void log(String message, BankCredit credit, String transactionId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("bank_reference", credit.bankReference());
        fields.put("amount", credit.amount().minorUnits());
        fields.put("currency", credit.amount().currencyCode());
        if (transactionId != null) {
            fields.put("transaction_id", transactionId);
        }
        LOG.info(message, fields);
    }
}
