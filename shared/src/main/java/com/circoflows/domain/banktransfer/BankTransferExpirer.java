package com.circoflows.domain.banktransfer;

import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Fails bank transfers not paid in full by their expiry (bank_transfer_expired, payment.failed), holding what
 * they had received as a credit for the merchant to send back, in the same write. A credit
 * that wins the race keeps the payment: each payment is read again and changed only at the version read,
 * so a payment completed meanwhile is left alone.
 */
public final class BankTransferExpirer {
    private final PendingTransfers pending;
    private final TransactionRepository transactions;
    private final BankCreditLedger ledger;
    private final TransactionWriter writer;
    private final Clock clock;

    public BankTransferExpirer(PendingTransfers pending, TransactionRepository transactions, BankCreditLedger ledger,
            TransactionWriter writer, Clock clock) {
        this.pending = pending;
        this.transactions = transactions;
        this.ledger = ledger;
        this.writer = writer;
        this.clock = clock;
    }

    /** How many due transfers one read of the index brings. */
    static final int PAGE = 100;

    /**
     * Fails due transfers page by page (an expired one leaves the index, so the next read brings the next
     * ones) until none is due or {@code maxPerRun} were looked at. Returns how many it failed.
     */
    public int expireDue(int maxPerRun) {
        Instant now = clock.instant();
        int expired = 0;
        int seen = 0;
        while (seen < maxPerRun) {
            List<Transaction> due = pending.expiringBy(now, Math.min(PAGE, maxPerRun - seen));
            for (Transaction listed : due) {
                seen++;
                Transaction current = transactions.find(listed.transactionId()).orElse(null);
                if (current == null || !current.awaitsTransfer() || !current.bankTransfer().expiredBy(now)) {
                    continue;
                }
                Transaction failed = current.expireTransfer(now);
                WebhookEvent event = writer.announce(failed);
                HeldCredit received = failed.bankTransfer().received().isZero() ? null
                        : HeldCredit.receivedBeforeExpiry(failed, now);
                if (ledger.expire(failed, event, received) == BankCreditLedger.Write.RECORDED) {
                    writer.queueDelivery(event);
                    expired++;
                }
            }
            if (due.size() < PAGE) {
                break;
            }
        }
        return expired;
    }
}
