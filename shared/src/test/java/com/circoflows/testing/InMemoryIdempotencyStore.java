package com.circoflows.testing;

import com.circoflows.domain.idempotency.IdempotencyStore;
import com.circoflows.domain.idempotency.StoredResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The DynamoDB store's semantics in memory: the same conditions, under one lock. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Map<String, Record> records = new HashMap<>();
    private RuntimeException failure;

    private record Record(String fingerprint, String lockToken, String reservedId, Instant lockedUntil,
            Instant expiresAt, StoredResponse response) {
    }

    /** Makes every later call throw {@code failure} (null to heal). */
    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized int size() {
        return records.size();
    }

    /** The bodies saved for replay. */
    public synchronized java.util.List<String> savedBodies() {
        return records.values().stream().filter(r -> r.response() != null).map(r -> r.response().body()).toList();
    }

    @Override
    public synchronized Claim claim(String recordKey, String fingerprint, String lockToken, String reservedId,
            Instant now, Instant lockedUntil, Instant expiresAt) {
        throwIfFailing();
        Record existing = records.get(recordKey);
        if (existing == null || !existing.expiresAt().isAfter(now)) {
            records.put(recordKey, new Record(fingerprint, lockToken, reservedId, lockedUntil, expiresAt, null));
            return new Acquired(reservedId);
        }
        if (existing.response() == null && !existing.lockedUntil().isAfter(now)
                && existing.fingerprint().equals(fingerprint)) {
            records.put(recordKey, new Record(fingerprint, lockToken, existing.reservedId(), lockedUntil,
                    existing.expiresAt(), null));
            return new Acquired(existing.reservedId());
        }
        return new Existing(existing.fingerprint(), existing.response());
    }

    @Override
    public synchronized boolean complete(String recordKey, String lockToken, StoredResponse response) {
        throwIfFailing();
        Record existing = records.get(recordKey);
        if (existing == null || existing.response() != null || !existing.lockToken().equals(lockToken)) {
            return false;
        }
        records.put(recordKey, new Record(existing.fingerprint(), lockToken, existing.reservedId(),
                existing.lockedUntil(), existing.expiresAt(), response));
        return true;
    }

    @Override
    public synchronized void release(String recordKey, String lockToken) {
        throwIfFailing();
        Record existing = records.get(recordKey);
        if (existing != null && existing.response() == null && existing.lockToken().equals(lockToken)) {
            records.put(recordKey, new Record(existing.fingerprint(), lockToken, existing.reservedId(), Instant.EPOCH,
                    existing.expiresAt(), null));
        }
    }

    private void throwIfFailing() {
        if (failure != null) {
            throw failure;
        }
    }
}
