package com.circoflows.testing;

import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.PaymentSessionRepository;
import com.circoflows.domain.session.SessionStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions in memory with the DynamoDB adapter's contract: optimistic on version, the lease's extra
 * conditions, and commit() writing session, transaction and event to {@code transactions} all or
 * nothing. Tests can run a concurrent writer inside the next commit, or make commits fail like a
 * crashed invocation.
 */
public final class InMemoryPaymentSessionRepository implements PaymentSessionRepository {
    private final InMemoryTransactionRepository transactions;
    private final Map<String, PaymentSession> rows = new LinkedHashMap<>();
    private Runnable beforeNextCommit;
    private Runnable beforeNextUpdate;
    private RuntimeException commitFailure;
    private int commits;
    private int leasesTaken;

    public InMemoryPaymentSessionRepository(InMemoryTransactionRepository transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized void insert(PaymentSession session) {
        if (rows.putIfAbsent(session.sessionId(), session) != null) {
            throw new IllegalStateException("duplicate session " + session.sessionId());
        }
    }

    @Override
    public synchronized Optional<PaymentSession> find(String sessionId) {
        return Optional.ofNullable(rows.get(sessionId));
    }

    @Override
    public boolean update(PaymentSession updated) {
        Runnable hook;
        synchronized (this) {
            hook = beforeNextUpdate;
            beforeNextUpdate = null;
        }
        if (hook != null) {
            hook.run();
        }
        return updateNow(updated);
    }

    private synchronized boolean updateNow(PaymentSession updated) {
        PaymentSession current = rows.get(updated.sessionId());
        if (current == null || current.version() != updated.version() - 1) {
            return false;
        }
        rows.put(updated.sessionId(), updated);
        return true;
    }

    @Override
    public synchronized boolean takeLease(PaymentSession leased, Instant now) {
        PaymentSession current = rows.get(leased.sessionId());
        if (current == null || current.version() != leased.version() - 1 || current.status() != SessionStatus.PENDING
                || current.leaseLive(now)) {
            return false;
        }
        rows.put(leased.sessionId(), leased);
        leasesTaken++;
        return true;
    }

    @Override
    public boolean commit(PaymentSession updated, TransactionChange change) {
        Runnable hook;
        synchronized (this) {
            hook = beforeNextCommit;
            beforeNextCommit = null;
            if (commitFailure != null) {
                throw commitFailure;
            }
        }
        if (hook != null) {
            hook.run();
        }
        synchronized (transactions) {
            synchronized (this) {
                PaymentSession current = rows.get(updated.sessionId());
                if (current == null || current.version() != updated.version() - 1) {
                    return false;
                }
                Transaction written = change.transaction();
                Optional<Transaction> existing = transactions.all().stream()
                        .filter(t -> t.transactionId().equals(written.transactionId())).findFirst();
                boolean transactionOk = change.isNew() ? existing.isEmpty()
                        : existing.isPresent() && existing.get().version() == written.version() - 1;
                if (!transactionOk) {
                    return false;
                }
                if (change.isNew()) {
                    transactions.insert(written, change.event());
                } else if (!transactions.update(written, change.event())) {
                    return false;
                }
                rows.put(updated.sessionId(), updated);
                commits++;
                return true;
            }
        }
    }

    /** Runs {@code concurrentWriter} inside the next commit, before its conditions are checked. */
    public synchronized void beforeNextCommit(Runnable concurrentWriter) {
        this.beforeNextCommit = concurrentWriter;
    }

    /** Runs {@code concurrentWriter} inside the next update, before its version check. */
    public synchronized void beforeNextUpdate(Runnable concurrentWriter) {
        this.beforeNextUpdate = concurrentWriter;
    }

    /** Every commit throws this (nothing written), like an invocation that dies before its write. */
    public synchronized void failCommitsWith(RuntimeException failure) {
        this.commitFailure = failure;
    }

    /** Writes a row directly, as another request (or an old release) would have, with no condition. */
    public synchronized void overwrite(PaymentSession session) {
        rows.put(session.sessionId(), session);
    }

    public synchronized PaymentSession stored(String sessionId) {
        PaymentSession session = rows.get(sessionId);
        if (session == null) {
            throw new AssertionError("no stored session " + sessionId);
        }
        return session;
    }

    public synchronized List<PaymentSession> all() {
        return List.copyOf(rows.values());
    }

    public synchronized int commits() {
        return commits;
    }

    public synchronized int leasesTaken() {
        return leasesTaken;
    }
}
