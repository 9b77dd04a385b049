package com.circoflows.domain.dashboard;

import com.circoflows.domain.ids.RandomIds;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The people of a merchant's dashboard: owners invite users, change their roles and remove them; a
 * merchant always keeps at least one owner, even when two owners step down at once.
 */
public final class DashboardTeam {
    /** 20 base62 characters, about 119 bits: meets the policy, and nobody guesses it before it is changed. */
    static final int SETUP_PASSWORD_LENGTH = 20;

    private final DashboardUserRepository users;
    private final DashboardSessionRepository sessions;
    private final PasswordHasher hasher;
    private final Clock clock;

    public DashboardTeam(DashboardUserRepository users, DashboardSessionRepository sessions, PasswordHasher hasher,
            Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds a user to the owner's merchant with a random setup password, returned once for the owner to
     * hand over; the new user must choose their own at their first sign-in.
     */
    public AccountOutcome<InvitedUser> invite(String ownerUserId, String email, DashboardRole role) {
        Objects.requireNonNull(role, "role");
        Optional<DashboardUser> owner = teamManager(ownerUserId);
        if (owner.isEmpty()) {
            return AccountOutcome.refused(AccountRefusal.Reason.NOT_ALLOWED);
        }
        String normalisedEmail = EmailAddresses.normalise(email);
        if (!EmailAddresses.isValid(normalisedEmail)) {
            return AccountOutcome.refused(AccountRefusal.Reason.INVALID_EMAIL);
        }
        if (users.findByEmail(normalisedEmail).isPresent()) {
            return AccountOutcome.refused(AccountRefusal.Reason.EMAIL_TAKEN);
        }
        String setupPassword = RandomIds.base62(SETUP_PASSWORD_LENGTH);
        DashboardUser invited = DashboardUser.newUser(owner.get().merchantId(), normalisedEmail, role,
                hasher.hash(setupPassword), true, clock.instant());
        try {
            users.create(invited);
        } catch (EmailAlreadyRegistered raced) {
            return AccountOutcome.refused(AccountRefusal.Reason.EMAIL_TAKEN);
        }
        return AccountOutcome.done(new InvitedUser(invited, setupPassword));
    }

    /** Gives a user of the owner's merchant another role; the last owner keeps theirs. */
    public AccountOutcome<DashboardUser> changeRole(String ownerUserId, String userId, DashboardRole role) {
        Objects.requireNonNull(role, "role");
        Optional<DashboardUser> owner = teamManager(ownerUserId);
        if (owner.isEmpty()) {
            return AccountOutcome.refused(AccountRefusal.Reason.NOT_ALLOWED);
        }
        Optional<DashboardUser> target = teamMember(owner.get(), userId);
        if (target.isEmpty()) {
            return AccountOutcome.refused(AccountRefusal.Reason.USER_NOT_FOUND);
        }
        DashboardUser current = target.get();
        if (current.role() == role) {
            return AccountOutcome.done(current);
        }
        DashboardUser changed = current.withRole(role);
        if (current.role() != DashboardRole.OWNER) {
            return users.update(changed, current.version()) ? AccountOutcome.done(changed)
                    : AccountOutcome.refused(AccountRefusal.Reason.CHANGED_MEANWHILE);
        }
        return whileAnotherOwnerStays(current, changed,
                otherOwner -> users.updateWhileOwner(changed, current.version(), otherOwner));
    }

    /** Removes a user of the owner's merchant (the owner themselves too) and ends their sessions. */
    public AccountOutcome<DashboardUser> removeUser(String ownerUserId, String userId) {
        Optional<DashboardUser> owner = teamManager(ownerUserId);
        if (owner.isEmpty()) {
            return AccountOutcome.refused(AccountRefusal.Reason.NOT_ALLOWED);
        }
        Optional<DashboardUser> target = teamMember(owner.get(), userId);
        if (target.isEmpty()) {
            return AccountOutcome.refused(AccountRefusal.Reason.USER_NOT_FOUND);
        }
        DashboardUser current = target.get();
        AccountOutcome<DashboardUser> outcome;
        if (current.role() != DashboardRole.OWNER) {
            outcome = users.delete(current.userId(), current.version(), null) ? AccountOutcome.done(current)
                    : AccountOutcome.refused(AccountRefusal.Reason.CHANGED_MEANWHILE);
        } else {
            outcome = whileAnotherOwnerStays(current, current,
                    otherOwner -> users.delete(current.userId(), current.version(), otherOwner));
        }
        if (outcome.isDone()) {
            sessions.deleteAllForUser(current.userId());
        }
        return outcome;
    }

    /** The team of the user's merchant, for the team page. */
    public List<DashboardUser> members(String userId) {
        return users.findById(userId).map(user -> users.listByMerchant(user.merchantId()).stream()
                .sorted(Comparator.comparing(DashboardUser::createdAt).thenComparing(DashboardUser::email))
                .toList()).orElse(List.of());
    }

    /**
     * Makes a write that takes an owner away ({@code write}, given another owner's id) conditional on that
     * other owner staying one, trying each other owner in turn.
     */
    private AccountOutcome<DashboardUser> whileAnotherOwnerStays(DashboardUser current, DashboardUser result,
            Function<String, Boolean> write) {
        List<String> otherOwners = users.listByMerchant(current.merchantId()).stream()
                .filter(user -> user.role() == DashboardRole.OWNER && !user.userId().equals(current.userId()))
                .map(DashboardUser::userId)
                .toList();
        for (String otherOwner : otherOwners) {
            if (write.apply(otherOwner)) {
                return AccountOutcome.done(result);
            }
            Optional<DashboardUser> reread = users.findById(current.userId());
            if (reread.isEmpty() || reread.get().version() != current.version()) {
                return AccountOutcome.refused(AccountRefusal.Reason.CHANGED_MEANWHILE);
            }
            // Still as read: that other owner is no longer one. Try the next.
        }
        return AccountOutcome.refused(AccountRefusal.Reason.LAST_OWNER);
    }

    private Optional<DashboardUser> teamManager(String userId) {
        return users.findById(userId).filter(user -> user.role().canManageTeam());
    }

    /** A user of the owner's merchant; a user of another merchant is not found, like an unknown one. */
    private Optional<DashboardUser> teamMember(DashboardUser owner, String userId) {
        return users.findById(userId).filter(user -> user.merchantId().equals(owner.merchantId()));
    }
}
