package com.circoflows.domain.banktransfer;

import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.domain.payment.TransactionWriter;
import java.time.Clock;
import java.time.Instant;

/**
 * Fails bank transfers not paid in full by their expiry (bank_transfer_expired, payment.failed). A credit
 * that wins the race keeps the payment: each payment is read again and changed only at the version read,
 * so a payment completed meanwhile is left alone.
 */
public final class BankTransferExpirer {
    private final PendingTransfers pending;
    private final TransactionRepository transactions;
    private final TransactionWriter writer;
    private final Clock clock;

    public BankTransferExpirer(PendingTransfers pending, TransactionRepository transactions, TransactionWriter writer,
            Clock clock) {
        this.pending = pending;
        this.transactions = transactions;
        this.writer = writer;
        this.clock = clock;
    }

    /** Returns how many payments it failed. */
    public int expireDue(int limit) {
        Instant now = clock.instant();
        int expired = 0;
        for (Transaction listed : pending.expiringBy(now, limit)) {
            Transaction current = transactions.find(listed.transactionId()).orElse(null);
            if (current == null || !current.awaitsTransfer() || !current.bankTransfer().expiredBy(now)) {
                continue;
            }
            if (writer.update(current.expireTransfer(now), true).isPresent()) {
                expired++;
            }
        }
        return expired;
    }
}
