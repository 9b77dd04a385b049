package com.circoflows.domain.banktransfer;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every credit the feed delivered, once, by its bank reference. A credit is recorded in the same atomic write
 * that applies it to its payment (or holds it), so it is never applied twice and never lost between.
 */
public interface BankCreditLedger {

    enum Write {
        /** Recorded now, with the payment's change when there was one. */
        RECORDED,
        /** A credit with this bank reference was recorded before: nothing written. */
        DUPLICATE,
        /** The payment changed since it was read: nothing written; read it again. */
        PAYMENT_CHANGED
    }

    boolean isRecorded(String bankReference);

    /**
     * Records the credit as applied to {@code updated} (at its version - 1), with its event when not null, and
     * what of it the payment did not need as a held credit when {@code excess} is not null: all in one write.
     */
    Write apply(BankCredit credit, Transaction updated, WebhookEvent event, HeldCredit excess);

    /**
     * Stores an expired transfer (at its version - 1) with its event and, when not null, what it had received
     * as a held credit, in one write. PAYMENT_CHANGED when the payment changed first.
     */
    Write expire(Transaction expired, WebhookEvent event, HeldCredit received);

    /** Records the credit as held. */
    Write hold(HeldCredit held);

    Optional<RecordedCredit> find(String creditId);

    /** A page of the merchant's held credits, newest first. */
    Page listHeld(String merchantId, Mode mode, int limit, String cursor);

    /** One page of held credits and the cursor of the next, or null. */
    record Page(List<RecordedCredit> credits, String nextCursor) {
    }

    /**
     * Applies a held credit to {@code updated} (at its version - 1), with its event when not null. DUPLICATE
     * when the credit is no longer held (assigned or returned meanwhile): nothing written.
     */
    Write assign(RecordedCredit held, Transaction updated, WebhookEvent event, Instant at);

    /** Records a held credit as sent back by {@code returnId}; DUPLICATE when it is no longer held. */
    Write markReturned(RecordedCredit held, String returnId, Instant at);
}
