package com.circoflows.domain.dashboard;

import java.util.List;
import java.util.Optional;

/**
 * Where dashboard users are kept. Emails are unique across all merchants (one sign-in form for
 * everyone), so the store must enforce it atomically, not leave it to a read before the write.
 * Every write is conditional on the version the caller read (optimistic locking).
 */
public interface DashboardUserRepository {
    /** @throws EmailAlreadyRegistered when any user, of any merchant, already has {@code user.email()} */
    void create(DashboardUser user);

    /** @param normalisedEmail as {@link DashboardUser#email()} holds it */
    Optional<DashboardUser> findByEmail(String normalisedEmail);

    Optional<DashboardUser> findById(String userId);

    /**
     * Replaces the user (same id and email) by {@code changed} if the stored one is still at
     * {@code expectedVersion}; false, changing nothing, when it has changed or gone since.
     */
    boolean update(DashboardUser changed, long expectedVersion);

    /**
     * Like {@link #update}, but only if {@code otherOwnerId} is at that moment a user of the same merchant
     * with the OWNER role, checked in the same atomic write (a DynamoDB transaction with a condition on the
     * other item). Demoting an owner this way can never leave a merchant without one, even when two owners
     * demote each other at once: both writes touch both items, so one of them fails.
     */
    boolean updateWhileOwner(DashboardUser changed, long expectedVersion, String otherOwnerId);

    /**
     * Deletes the user if still at {@code expectedVersion} and, when {@code otherOwnerId} is not null, only
     * while that user is an owner of the same merchant, atomically as for {@link #updateWhileOwner}.
     */
    boolean delete(String userId, long expectedVersion, String otherOwnerId);

    /** Every user of the merchant, in no particular order. */
    List<DashboardUser> listByMerchant(String merchantId);
}
