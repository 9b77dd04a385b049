package com.circoflows.domain.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The test-mode gateway's own book of authorisations, independent of our transactions: what a real
 * processor keeps on its side (and shows in its reports). Reconciliation compares the two. Every
 * change is conditional, so a retry and the reconciler can't both win.
 */
public interface GatewayLedger {

    /**
     * Records a first authorisation under its transaction id and returns empty. If one is recorded
     * already, nothing is written but its touchedAt (to {@code record.createdAt()}, unless it was
     * voided) and the record as it stands is returned.
     */
    Optional<AuthorizationRecord> recordOrReplay(AuthorizationRecord record);

    Optional<AuthorizationRecord> find(String transactionId);

    /** pending_authentication -> charged. False, changing nothing, when it was no longer pending. */
    boolean markCharged(String transactionId, Instant at);

    /**
     * Open authorisations (charged or pending authentication) not yet matched with our records and
     * untouched since before {@code untouchedBefore}, oldest first.
     */
    List<AuthorizationRecord> findUnreconciled(Instant untouchedBefore, int limit);

    /** Our transaction for it exists: it leaves the unreconciled list. */
    void markReconciled(String transactionId, Instant at);

    /**
     * Voids the authorisation if it is still open, unreconciled and untouched since {@code touchedAt}
     * (no retry answered from it meanwhile). False, changing nothing, otherwise.
     */
    boolean voidIfUntouched(String transactionId, Instant touchedAt, Instant at);

    /** The merchant canceled the payment: charged -> voided. False, changing nothing, when it was not charged. */
    boolean markVoided(String transactionId, Instant at);
}
