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
     */
    Claim claim(String recordKey, String fingerprint, String lockToken, Instant now, Instant lockedUntil,
            Instant expiresAt);

    /** Saves the response on the record this invocation still holds; false if it no longer holds it. */
    boolean complete(String recordKey, String lockToken, StoredResponse response);

    /** Deletes the record if this invocation still holds it, so a retry runs the request again. */
    void release(String recordKey, String lockToken);

    /** The outcome of {@link #claim}. */
    sealed interface Claim permits Acquired, Existing {
    }

    /** This invocation holds the record: run the request. */
    record Acquired() implements Claim {
    }

    /** Another request owns the key: {@code response} is null while it is still in progress. */
    record Existing(String fingerprint, StoredResponse response) implements Claim {
        public boolean inProgress() {
            return response == null;
        }
    }
}
