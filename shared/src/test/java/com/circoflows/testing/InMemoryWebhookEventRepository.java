package com.circoflows.testing;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.DeliveryState;
import com.circoflows.domain.webhook.NextAttempt;
import com.circoflows.domain.webhook.OverdueRetry;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.WebhookEventPage;
import com.circoflows.domain.webhook.WebhookEventRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Webhook events and their delivery in memory, with the DynamoDB adapter's contract: conditional
 * leases, attempts appended (never replaced), the "never attempted" flag and the retry chains'
 * due times the sweeper reads, leases only for the current chain, lists and cursors bound to their
 * merchant and mode. Tests can run a concurrent writer just before the next lease is taken,
 * or make every call fail like an unreachable table.
 */
public final class InMemoryWebhookEventRepository implements WebhookEventRepository {
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private Consumer<InMemoryWebhookEventRepository> beforeNextLease;
    private RuntimeException failure;
    private int leaseCalls;

    private static final class Row {
        WebhookEvent event;
        DeliveryStatus status;
        List<DeliveryAttempt> attempts = new ArrayList<>();
        Instant deliveredAt;
        Instant failedAt;
        String lastError;
        Instant leaseUntil;
        boolean neverAttempted;
        /** The retry chain's bookkeeping while retrying: due time (null: none), schedule position, chain id. */
        Instant nextAttemptAt;
        int schedulePosition;
        String retryChain;

        void endChain() {
            nextAttemptAt = null;
            schedulePosition = 0;
            retryChain = null;
        }

        StoredWebhookEvent stored() {
            WebhookEvent e = new WebhookEvent(event.eventId(), event.merchantId(), event.mode(), event.transactionId(),
                    event.type(), event.createdAt(), event.data(), status, event.targetUrl());
            return new StoredWebhookEvent(e, new DeliveryState(status, attempts, deliveredAt, failedAt, lastError));
        }
    }

    /** Stores an event as the transaction repository's outbox write would. */
    public synchronized void add(WebhookEvent event) {
        if (rows.containsKey(event.eventId())) {
            throw new IllegalStateException("duplicate event " + event.eventId());
        }
        Row row = new Row();
        row.event = event;
        row.status = event.deliveryStatus();
        row.neverAttempted = event.deliveryStatus() == DeliveryStatus.PENDING;
        if (event.deliveryStatus() == DeliveryStatus.FAILED) {
            row.failedAt = event.createdAt();
            row.lastError = com.circoflows.domain.webhook.WebhookEvents.NO_DESTINATION;
        }
        rows.put(event.eventId(), row);
    }

    @Override
    public synchronized boolean insert(WebhookEvent event) {
        failIfAsked();
        if (rows.containsKey(event.eventId())) {
            return false;
        }
        add(event);
        return true;
    }

    @Override
    public synchronized Optional<WebhookEvent> find(String eventId) {
        return findWithDelivery(eventId).map(StoredWebhookEvent::event);
    }

    @Override
    public synchronized Optional<StoredWebhookEvent> findWithDelivery(String eventId) {
        failIfAsked();
        Row row = rows.get(eventId);
        return row == null ? Optional.empty() : Optional.of(row.stored());
    }

    @Override
    public boolean acquireLease(String eventId, Instant now, Instant leaseUntil) {
        return lease(eventId, false, null, now, leaseUntil);
    }

    @Override
    public boolean acquireLeaseForChain(String eventId, String chainId, Instant now, Instant leaseUntil) {
        return lease(eventId, true, chainId, now, leaseUntil);
    }

    private boolean lease(String eventId, boolean ofChain, String chainId, Instant now, Instant leaseUntil) {
        Consumer<InMemoryWebhookEventRepository> hook;
        synchronized (this) {
            failIfAsked();
            leaseCalls++;
            hook = beforeNextLease;
            beforeNextLease = null;
        }
        if (hook != null) {
            hook.accept(this);
        }
        synchronized (this) {
            Row row = rows.get(eventId);
            if (row == null || !(row.status == DeliveryStatus.PENDING || row.status == DeliveryStatus.RETRYING)) {
                return false;
            }
            if (row.leaseUntil != null && !row.leaseUntil.isBefore(now)) {
                return false;
            }
            if (ofChain && !java.util.Objects.equals(chainId, row.retryChain)) {
                return false;
            }
            row.leaseUntil = leaseUntil;
            return true;
        }
    }

    @Override
    public synchronized void recordAttempt(String eventId, DeliveryAttempt attempt, DeliveryState next,
            NextAttempt nextAttempt) {
        failIfAsked();
        Row row = rows.get(eventId);
        if (row == null) {
            throw new IllegalStateException("DynamoDB UpdateItem refused by its condition");
        }
        row.attempts.add(attempt);
        row.status = next.status();
        row.lastError = next.lastError();
        row.deliveredAt = next.deliveredAt();
        row.failedAt = next.failedAt();
        row.leaseUntil = null;
        row.neverAttempted = false;
        if (next.status() != DeliveryStatus.RETRYING) {
            row.endChain();
        } else if (nextAttempt != null) {
            row.nextAttemptAt = nextAttempt.dueAt();
            row.schedulePosition = nextAttempt.schedulePosition();
        } else if (row.nextAttemptAt == null) {
            row.nextAttemptAt = attempt.at();
            row.schedulePosition = 0;
        }
    }

    @Override
    public synchronized boolean markFailed(String eventId, Instant at, String reason) {
        failIfAsked();
        Row row = rows.get(eventId);
        if (row == null || row.status == DeliveryStatus.FAILED || row.status == DeliveryStatus.DELIVERED) {
            return false;
        }
        row.status = DeliveryStatus.FAILED;
        row.failedAt = at;
        row.lastError = reason;
        row.leaseUntil = null;
        row.neverAttempted = false;
        row.endChain();
        return true;
    }

    @Override
    public synchronized boolean reopenForRedelivery(String eventId) {
        failIfAsked();
        Row row = rows.get(eventId);
        if (row == null || !(row.status == DeliveryStatus.FAILED || row.status == DeliveryStatus.DELIVERED)) {
            return false;
        }
        row.status = DeliveryStatus.PENDING;
        row.neverAttempted = true;
        row.leaseUntil = null;
        row.endChain();
        row.deliveredAt = null;
        row.failedAt = null;
        row.lastError = null;
        return true;
    }

    @Override
    public synchronized void markRequeued(String eventId) {
        failIfAsked();
        Row row = rows.get(eventId);
        if (row != null) {
            row.neverAttempted = false;
        }
    }

    @Override
    public synchronized List<WebhookEvent> findNeverAttempted(Instant createdBefore, int limit) {
        failIfAsked();
        return rows.values().stream()
                .filter(row -> row.neverAttempted && row.event.createdAt().isBefore(createdBefore))
                .sorted(Comparator.comparing((Row row) -> row.event.createdAt()))
                .limit(limit)
                .map(row -> row.stored().event())
                .toList();
    }

    @Override
    public synchronized List<OverdueRetry> findOverdueRetries(Instant dueBefore, int limit) {
        failIfAsked();
        return rows.values().stream()
                .filter(row -> row.status == DeliveryStatus.RETRYING && row.nextAttemptAt != null
                        && row.nextAttemptAt.isBefore(dueBefore))
                .sorted(Comparator.comparing((Row row) -> row.nextAttemptAt))
                .limit(limit)
                .map(row -> new OverdueRetry(row.stored().event(), row.nextAttemptAt, row.schedulePosition))
                .toList();
    }

    @Override
    public synchronized boolean resumeChain(String eventId, Instant seenDueAt, String newChainId, Instant now) {
        failIfAsked();
        Row row = rows.get(eventId);
        if (row == null || row.status != DeliveryStatus.RETRYING || !seenDueAt.equals(row.nextAttemptAt)
                || row.leaseUntil != null && !row.leaseUntil.isBefore(now)) {
            return false;
        }
        row.retryChain = newChainId;
        row.nextAttemptAt = now;
        return true;
    }

    /** When the event's retry chain expects its job back, or null when it has none. */
    public synchronized Instant nextAttemptAt(String eventId) {
        return rows.get(eventId).nextAttemptAt;
    }

    public synchronized String retryChain(String eventId) {
        return rows.get(eventId).retryChain;
    }

    @Override
    public synchronized WebhookEventPage listForMerchant(String merchantId, Mode mode, int limit, String cursor) {
        failIfAsked();
        String scope = merchantId + "#" + mode.wireName();
        List<Row> newestFirst = rows.values().stream()
                .filter(row -> row.event.merchantId().equals(merchantId) && row.event.mode() == mode)
                .sorted(Comparator.comparing((Row row) -> row.event.createdAt())
                        .thenComparing(row -> row.event.eventId()).reversed())
                .toList();
        int start = 0;
        if (cursor != null) {
            String after = decodeCursor(cursor, scope);
            start = newestFirst.size();
            for (int i = 0; i < newestFirst.size(); i++) {
                if (newestFirst.get(i).event.eventId().equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(newestFirst.size(), start + limit);
        List<StoredWebhookEvent> page = newestFirst.subList(start, end).stream().map(Row::stored).toList();
        String next = end < newestFirst.size() ? encodeCursor(scope, newestFirst.get(end - 1).event.eventId())
                : null;
        return new WebhookEventPage(page, next);
    }

    @Override
    public synchronized WebhookEventPage listForTransaction(String merchantId, Mode mode, String transactionId,
            int limit, String cursor) {
        failIfAsked();
        String scope = merchantId + "#" + mode.wireName() + "#" + transactionId;
        List<Row> ofTransaction = rows.values().stream()
                .filter(row -> transactionId.equals(row.event.transactionId()))
                .sorted(Comparator.comparing((Row row) -> row.event.createdAt())
                        .thenComparing(row -> row.event.eventId()).reversed())
                .toList();
        String after = cursor == null ? null : decodeCursor(cursor, scope);
        boolean callers = ofTransaction.stream()
                .allMatch(row -> row.event.merchantId().equals(merchantId) && row.event.mode() == mode);
        if (!callers) {
            return new WebhookEventPage(List.of(), null);
        }
        int start = 0;
        if (after != null) {
            start = ofTransaction.size();
            for (int i = 0; i < ofTransaction.size(); i++) {
                if (ofTransaction.get(i).event.eventId().equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(ofTransaction.size(), start + limit);
        List<StoredWebhookEvent> page = ofTransaction.subList(start, end).stream().map(Row::stored).toList();
        String next = end < ofTransaction.size() ? encodeCursor(scope, ofTransaction.get(end - 1).event.eventId())
                : null;
        return new WebhookEventPage(page, next);
    }

    /** Runs {@code concurrentWriter} inside the next acquireLease, before its condition is checked. */
    public synchronized void beforeNextLease(Consumer<InMemoryWebhookEventRepository> concurrentWriter) {
        this.beforeNextLease = concurrentWriter;
    }

    /** Every later call throws {@code failure} (null heals the table). */
    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized StoredWebhookEvent stored(String eventId) {
        Row row = rows.get(eventId);
        if (row == null) {
            throw new AssertionError("no stored event " + eventId);
        }
        return row.stored();
    }

    public synchronized Instant leaseUntil(String eventId) {
        return rows.get(eventId).leaseUntil;
    }

    public synchronized boolean neverAttempted(String eventId) {
        return rows.get(eventId).neverAttempted;
    }

    public synchronized int leaseCalls() {
        return leaseCalls;
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    private static String encodeCursor(String merchantId, String eventId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((merchantId + "|" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor, String merchantId) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 2 || !parts[0].equals(merchantId)) {
            throw ApiException.invalidParam("cursor", "The cursor is not valid; use next_cursor from a previous page.");
        }
        return parts[1];
    }
}
