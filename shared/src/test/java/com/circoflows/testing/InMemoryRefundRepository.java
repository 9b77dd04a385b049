package com.circoflows.testing;

import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.refund.Refund;
import com.circoflows.domain.refund.RefundRepository;
import com.circoflows.domain.refund.RefundStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Refunds beside an in-memory transaction table, each write checking both versions under one lock. */
public final class InMemoryRefundRepository implements RefundRepository {
    private final InMemoryTransactionRepository transactions;
    private final Map<String, Refund> rows = new LinkedHashMap<>();
    private final List<WebhookEvent> events = new ArrayList<>();
    private Runnable beforeNextReserve;

    public InMemoryRefundRepository(InMemoryTransactionRepository transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean reserve(Transaction reserving, Refund refund) {
        Runnable hook;
        synchronized (this) {
            hook = beforeNextReserve;
            beforeNextReserve = null;
        }
        if (hook != null) {
            hook.run();
        }
        synchronized (transactions) {
            synchronized (this) {
                if (rows.containsKey(refund.refundId()) || !paymentAt(reserving)) {
                    return false;
                }
                transactions.overwrite(reserving);
                rows.put(refund.refundId(), refund);
                return true;
            }
        }
    }

    @Override
    public synchronized Optional<Refund> find(String refundId) {
        return Optional.ofNullable(rows.get(refundId));
    }

    @Override
    public synchronized List<Refund> forTransaction(String transactionId) {
        return rows.values().stream().filter(r -> r.transactionId().equals(transactionId))
                .sorted(Comparator.comparing(Refund::createdAt)).toList();
    }

    @Override
    public boolean save(Refund changed, Transaction payment, WebhookEvent event) {
        synchronized (transactions) {
            synchronized (this) {
                Refund current = rows.get(changed.refundId());
                if (current == null || current.version() != changed.version() - 1
                        || (payment != null && !paymentAt(payment))) {
                    return false;
                }
                if (payment != null) {
                    transactions.overwrite(payment);
                }
                rows.put(changed.refundId(), changed);
                if (event != null) {
                    events.add(event);
                }
                return true;
            }
        }
    }

    @Override
    public synchronized List<Refund> pendingCreatedBefore(Instant before, int limit) {
        return rows.values().stream().filter(r -> r.status() == RefundStatus.PENDING && r.createdAt().isBefore(before))
                .sorted(Comparator.comparing(Refund::createdAt)).limit(limit).toList();
    }

    /** Runs {@code concurrentWriter} before the next reservation's check, as a request racing it would. */
    public synchronized void beforeNextReserve(Runnable concurrentWriter) {
        this.beforeNextReserve = concurrentWriter;
    }

    /** Stores a refund as a crashed request left it (reserved, never sent). */
    public synchronized void storeAsLeft(Refund refund) {
        rows.put(refund.refundId(), refund);
    }

    public synchronized List<WebhookEvent> events() {
        return List.copyOf(events);
    }

    private boolean paymentAt(Transaction next) {
        return transactions.find(next.transactionId()).map(t -> t.version() == next.version() - 1).orElse(false);
    }
}
