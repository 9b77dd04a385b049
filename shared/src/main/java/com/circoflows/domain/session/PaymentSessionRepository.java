package com.circoflows.domain.session;

import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Hosted payment sessions. Every change is optimistic on {@code version}: the stored session must
 * still be at {@code updated.version() - 1}, or nothing is written and the caller looks again.
 */
public interface PaymentSessionRepository {
    /** Stores a new session; its id must be new. */
    void insert(PaymentSession session);

    Optional<PaymentSession> find(String sessionId);

    /** Replaces the stored session if it is still at {@code updated.version() - 1}; false, writing nothing, if not. */
    boolean update(PaymentSession updated);

    /**
     * Takes the charging lease ({@code leased} is the session with it): written only if the stored
     * session is still at {@code leased.version() - 1}, pending, and holds no lease live at {@code now}.
     * Of several submissions at the same moment exactly one gets true.
     */
    boolean takeLease(PaymentSession leased, Instant now);

    /**
     * One atomic write: the session (if still at {@code updated.version() - 1}), the transaction (new,
     * or replacing its previous version) and the webhook event its status announces. False, writing
     * none of them, when any condition fails.
     */
    boolean commit(PaymentSession updated, TransactionChange change);

    /** A transaction written with a session change, with the event it causes. */
    record TransactionChange(Transaction transaction, WebhookEvent event, boolean isNew) {
        public TransactionChange {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(event, "event");
        }

        public static TransactionChange inserted(Transaction transaction, WebhookEvent event) {
            return new TransactionChange(transaction, event, true);
        }

        public static TransactionChange updated(Transaction transaction, WebhookEvent event) {
            return new TransactionChange(transaction, event, false);
        }
    }
}
