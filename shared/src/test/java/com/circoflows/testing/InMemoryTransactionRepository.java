package com.circoflows.testing;

import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.domain.webhook.WebhookEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Transactions and their outbox events in memory, with the same optimistic-concurrency contract as
 * the DynamoDB adapter. Tests can inject a concurrent writer or a failing read.
 */
public final class InMemoryTransactionRepository implements TransactionRepository {
    private final Map<String, Transaction> rows = new LinkedHashMap<>();
    private final List<WebhookEvent> events = new ArrayList<>();
    private Consumer<InMemoryTransactionRepository> beforeNextUpdate;
    private int conflictsToReport;
    private RuntimeException findFailure;
    private int updateAttempts;
    private int findCalls;

    @Override
    public synchronized boolean insert(Transaction transaction, WebhookEvent event) {
        if (rows.containsKey(transaction.transactionId())) {
            return false;
        }
        rows.put(transaction.transactionId(), transaction);
        if (event != null) {
            events.add(event);
        }
        return true;
    }

    @Override
    public synchronized java.util.List<Transaction> authorizedCreatedBefore(java.time.Instant before, int limit) {
        return rows.values().stream()
                .filter(t -> t.status() == com.circoflows.domain.payment.TransactionStatus.AUTHORIZED
                        && t.createdAt().isBefore(before))
                .sorted(java.util.Comparator.comparing(Transaction::createdAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<Transaction> find(String transactionId) {
        findCalls++;
        if (findFailure != null) {
            throw findFailure;
        }
        return Optional.ofNullable(rows.get(transactionId));
    }

    @Override
    public boolean update(Transaction updated, WebhookEvent event) {
        Consumer<InMemoryTransactionRepository> hook;
        synchronized (this) {
            updateAttempts++;
            hook = beforeNextUpdate;
            beforeNextUpdate = null;
        }
        if (hook != null) {
            hook.accept(this);
        }
        synchronized (this) {
            if (conflictsToReport > 0) {
                conflictsToReport--;
                return false;
            }
            Transaction current = rows.get(updated.transactionId());
            if (current == null || current.version() != updated.version() - 1) {
                return false;
            }
            rows.put(updated.transactionId(), updated);
            if (event != null) {
                events.add(event);
            }
            return true;
        }
    }

    /** Writes a row directly, as another request would have (no version check, no event). */
    public synchronized void overwrite(Transaction transaction) {
        rows.put(transaction.transactionId(), transaction);
    }

    /** Runs {@code concurrentWriter} inside the next update, before its version check. */
    public synchronized void beforeNextUpdate(Consumer<InMemoryTransactionRepository> concurrentWriter) {
        this.beforeNextUpdate = concurrentWriter;
    }

    /** The next {@code count} updates answer "someone else changed it first". */
    public synchronized void reportConflicts(int count) {
        this.conflictsToReport = count;
    }

    public synchronized void failFindsWith(RuntimeException failure) {
        this.findFailure = failure;
    }

    public synchronized Transaction stored(String transactionId) {
        Transaction t = rows.get(transactionId);
        if (t == null) {
            throw new AssertionError("no stored transaction " + transactionId);
        }
        return t;
    }

    public synchronized List<Transaction> all() {
        return List.copyOf(rows.values());
    }

    public synchronized List<WebhookEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<WebhookEvent> eventsFor(String transactionId) {
        return events.stream().filter(e -> e.transactionId().equals(transactionId)).toList();
    }

    public synchronized int updateAttempts() {
        return updateAttempts;
    }

    public synchronized int findCalls() {
        return findCalls;
    }
}
