package com.circoflows.domain.dashboard;

import java.time.Instant;

/**
 * Where {@link LoginThrottle} keeps its counts, shared by every container. A save replaces the record
 * only if it still equals what the caller loaded (a conditional write, optimistic locking): simultaneous
 * guesses must not all read the same count and each write back count + 1, which would let an attacker
 * who sends in parallel guess as fast as they like.
 *
 * <p>Keys arrive normalised (lower-case email; an IPv6 client by its /64). Saving {@code NONE} may delete
 * the record; a record may also be forgotten after {@code keepUntil}, and then reads as {@code NONE}.
 */
public interface LoginAttemptStore {
    /** The record for {@code email}, or {@link AccountAttempts#NONE}; never null. */
    AccountAttempts loadAccount(String email);

    /** Replaces {@code expected} by {@code next}; false, changing nothing, when the record has changed since. */
    boolean saveAccount(String email, AccountAttempts expected, AccountAttempts next, Instant keepUntil);

    /** The record for {@code address}, or {@link AddressAttempts#NONE}; never null. */
    AddressAttempts loadAddress(String address);

    /** Replaces {@code expected} by {@code next}; false, changing nothing, when the record has changed since. */
    boolean saveAddress(String address, AddressAttempts expected, AddressAttempts next, Instant keepUntil);
}
