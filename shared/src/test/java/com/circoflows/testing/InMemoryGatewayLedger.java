package com.circoflows.testing;

import com.circoflows.domain.gateway.AuthorizationRecord;
import com.circoflows.domain.gateway.AuthorizationState;
import com.circoflows.domain.gateway.GatewayLedger;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The DynamoDB ledger's conditions in memory, under one lock. Tests can make the next record fail. */
public final class InMemoryGatewayLedger implements GatewayLedger {
    private final Map<String, AuthorizationRecord> records = new LinkedHashMap<>();
    private final Set<String> reconciled = new HashSet<>();
    private RuntimeException nextRecordFailure;

    /** The next {@link #recordOrReplay} throws {@code failure} and records nothing. */
    public synchronized void failNextRecordWith(RuntimeException failure) {
        this.nextRecordFailure = failure;
    }

    @Override
    public synchronized Optional<AuthorizationRecord> recordOrReplay(AuthorizationRecord record) {
        if (nextRecordFailure != null) {
            RuntimeException failure = nextRecordFailure;
            nextRecordFailure = null;
            throw failure;
        }
        AuthorizationRecord existing = records.get(record.transactionId());
        if (existing == null) {
            records.put(record.transactionId(), record);
            return Optional.empty();
        }
        if (existing.state() != AuthorizationState.VOIDED) {
            existing = withState(existing, existing.state(), record.createdAt());
            records.put(existing.transactionId(), existing);
        }
        return Optional.of(existing);
    }

    @Override
    public synchronized Optional<AuthorizationRecord> find(String transactionId) {
        return Optional.ofNullable(records.get(transactionId));
    }

    @Override
    public synchronized boolean markCharged(String transactionId, Instant at) {
        AuthorizationRecord existing = records.get(transactionId);
        if (existing == null || existing.state() != AuthorizationState.PENDING_AUTHENTICATION) {
            return false;
        }
        records.put(transactionId, withState(existing, AuthorizationState.CHARGED, existing.touchedAt()));
        return true;
    }

    @Override
    public synchronized List<AuthorizationRecord> findUnreconciled(Instant untouchedBefore, int limit) {
        return records.values().stream()
                .filter(record -> record.state().open() && !reconciled.contains(record.transactionId()))
                .filter(record -> record.touchedAt().isBefore(untouchedBefore))
                .sorted(Comparator.comparing(AuthorizationRecord::touchedAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void markReconciled(String transactionId, Instant at) {
        reconciled.add(transactionId);
    }

    @Override
    public synchronized boolean voidIfUntouched(String transactionId, Instant touchedAt, Instant at) {
        AuthorizationRecord existing = records.get(transactionId);
        if (existing == null || !existing.state().open() || reconciled.contains(transactionId)
                || !existing.touchedAt().equals(touchedAt)) {
            return false;
        }
        records.put(transactionId, withState(existing, AuthorizationState.VOIDED, existing.touchedAt()));
        return true;
    }

    @Override
    public synchronized boolean markVoided(String transactionId, Instant at) {
        AuthorizationRecord existing = records.get(transactionId);
        if (existing == null || existing.state() != AuthorizationState.CHARGED) {
            return false;
        }
        records.put(transactionId, withState(existing, AuthorizationState.VOIDED, existing.touchedAt()));
        return true;
    }

    public synchronized List<AuthorizationRecord> all() {
        return List.copyOf(records.values());
    }

    private static AuthorizationRecord withState(AuthorizationRecord record, AuthorizationState state,
            Instant touchedAt) {
        return new AuthorizationRecord(record.transactionId(), record.merchantId(), record.mode(), record.amount(),
                record.answer(), state, record.createdAt(), touchedAt, record.refundBehaviour());
    }
}
