package com.circoflows.domain.idempotency;

import java.time.Instant;

/**
 * Where idempotency records live. A record is keyed by {@link IdempotencyKeys#recordKey} and is
 * either in progress (held by one invocation, identified by its lock token, until
 * {@code lockedUntil}) or completed with the response to replay. Records are gone after
 * {@code expiresAt}, whether or not the store has physically removed them yet.
 */
public interface IdempotencyStore {

    /**
     * Takes the record for this invocation when it is absent, expired, or in progress with the same
     * fingerprint and a lock that has run out (a crashed invocation's); otherwise returns what is there.
     * A new record reserves {@code reservedId}; a taken-over one keeps the id it reserved first.
     */
    Claim claim(String recordKey, String fingerprint, String lockToken, String reservedId, Instant now,
            Instant lockedUntil, Instant expiresAt);

    /** Saves the response on the record this invocation still holds; false if it no longer holds it. */
    boolean complete(String recordKey, String lockToken, StoredResponse response);

    /**
     * Unlocks the record if this invocation still holds it, so a retry of the same request runs again at
     * once; the record keeps its fingerprint (another request under the key stays refused) and its
     * reserved id (the retry creates, or finds at the gateway, the same object this attempt may have).
     */
    void release(String recordKey, String lockToken);

    /** The outcome of {@link #claim}. */
    sealed interface Claim permits Acquired, Existing {
    }

    /**
     * This invocation holds the record: run the request.
     *
     * @param reservedId the id reserved for what the request creates. After a takeover it is the crashed
     *     invocation's, so the retry finds (or finishes) that object instead of making a second one
     */
    record Acquired(String reservedId) implements Claim {
    }

    /** Another request owns the key: {@code response} is null while it is still in progress. */
    record Existing(String fingerprint, StoredResponse response) implements Claim {
        public boolean inProgress() {
            return response == null;
        }
    }
}
