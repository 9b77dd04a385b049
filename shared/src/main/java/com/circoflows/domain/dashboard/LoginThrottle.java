package com.circoflows.domain.dashboard;

import com.circoflows.domain.ratelimit.FixedWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a dashboard sign-in attempt may check its password, by two limits:
 * <ul>
 * <li>per account (email): five failures in a row are free, then each attempt waits after the latest
 * failure, 1 s after the fifth, doubling with each further failure up to 15 minutes. An attacker gets a
 * few guesses an hour per account; the owner, whom the same delay also holds back, never waits more
 * than 15 minutes, and a success resets the count.</li>
 * <li>per client address: 30 failures per fixed 10-minute window, for any emails, so one machine
 * cannot try one common password on every account.</li>
 * </ul>
 * A refused attempt is not counted and its password is not checked. An allowed one is counted as a
 * failure before the password is checked, and {@link #succeeded} takes that back.
 */
public final class LoginThrottle {
    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    public static final int ADDRESS_FAILURES_PER_WINDOW = 30;
    public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
    /**
     * How long an account's failures are remembered after the latest: far beyond {@link #MAX_DELAY}, so
     * forgetting gives an attacker who waits that long only five free guesses a day more.
     */
    static final Duration ACCOUNT_MEMORY = Duration.ofDays(1);
    /** Conditional writes lost to simultaneous attempts before this one gives up and asks to retry. */
    private static final int MAX_WRITE_CONFLICTS = 8;
    private static final Duration RETRY_WHEN_CONTENDED = Duration.ofSeconds(1);
    /** Doublings past which the delay is the cap whatever the count (2^10 s is over 15 minutes). */
    private static final int DOUBLINGS_TO_CAP = 10;

    private final LoginAttemptStore store;
    private final Clock clock;

    public LoginThrottle(LoginAttemptStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Decides, and when allowed counts the attempt as a failure until {@link #succeeded} says otherwise. */
    public LoginDecision attempt(String email, String clientAddress) {
        String account = LoginKeys.account(email);
        String address = LoginKeys.address(clientAddress);
        Instant now = clock.instant();
        FixedWindow window = FixedWindow.containing(now, ADDRESS_WINDOW);

        AddressAttempts addressAttempts = store.loadAddress(address);
        AccountAttempts accountAttempts = store.loadAccount(account);
        // Both looked at before anything is written, so a refusal costs two reads and no write.
        Optional<LoginDecision.Refused> refused = longerWait(
                addressRefusal(addressAttempts, window, now), accountRefusal(accountAttempts, now));
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<LoginDecision.Refused> addressFull = countAddressFailure(address, addressAttempts, window, now);
        if (addressFull.isPresent()) {
            return addressFull.get();
        }
        Optional<LoginDecision.Refused> accountWaiting = countAccountFailure(account, accountAttempts, now);
        if (accountWaiting.isPresent()) {
            giveBackAddressFailure(address, window);
            return accountWaiting.get();
        }
        return new LoginDecision.Allowed(account, address, window.startEpochSecond());
    }

    /** The password was right: the account starts again from no failures, and its address forgets this attempt. */
    public void succeeded(LoginDecision.Allowed attempt) {
        resetAccount(attempt.account());
        giveBackAddressFailure(attempt.address(),
                new FixedWindow(attempt.addressWindowStart(), ADDRESS_WINDOW.toSeconds()));
    }

    /** How long the account waits after its latest failure, once it has {@code consecutiveFailures}. */
    static Duration delayAfter(int consecutiveFailures) {
        if (consecutiveFailures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = consecutiveFailures - FREE_FAILURES;
        if (doublings >= DOUBLINGS_TO_CAP) {
            return MAX_DELAY;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) < 0 ? delay : MAX_DELAY;
    }

    private Optional<LoginDecision.Refused> countAddressFailure(String address, AddressAttempts loaded,
            FixedWindow window, Instant now) {
        Instant windowEnd = Instant.ofEpochSecond(window.endEpochSecond());
        AddressAttempts current = loaded;
        for (int tries = 0; tries < MAX_WRITE_CONFLICTS; tries++) {
            Optional<LoginDecision.Refused> refused = addressRefusal(current, window, now);
            if (refused.isPresent()) {
                return refused;
            }
            AddressAttempts next = new AddressAttempts(window.startEpochSecond(),
                    current.failuresIn(window.startEpochSecond()) + 1);
            if (store.saveAddress(address, current, next, windowEnd)) {
                return Optional.empty();
            }
            current = store.loadAddress(address);
        }
        return Optional.of(new LoginDecision.Refused(LoginLimit.ADDRESS, RETRY_WHEN_CONTENDED));
    }

    private Optional<LoginDecision.Refused> countAccountFailure(String account, AccountAttempts loaded, Instant now) {
        AccountAttempts current = loaded;
        for (int tries = 0; tries < MAX_WRITE_CONFLICTS; tries++) {
            Optional<LoginDecision.Refused> refused = accountRefusal(current, now);
            if (refused.isPresent()) {
                return refused;
            }
            if (store.saveAccount(account, current, current.plusFailureAt(now), now.plus(ACCOUNT_MEMORY))) {
                return Optional.empty();
            }
            current = store.loadAccount(account);
        }
        return Optional.of(new LoginDecision.Refused(LoginLimit.ACCOUNT, RETRY_WHEN_CONTENDED));
    }

    /**
     * Best effort: if simultaneous attempts keep winning the write, the account keeps its count and
     * its owner, already signed in, is only slowed down at a later sign-in.
     */
    private void resetAccount(String account) {
        Instant now = clock.instant();
        for (int tries = 0; tries < MAX_WRITE_CONFLICTS; tries++) {
            AccountAttempts current = store.loadAccount(account);
            if (current.equals(AccountAttempts.NONE)
                    || store.saveAccount(account, current, AccountAttempts.NONE, now)) {
                return;
            }
        }
    }

    /**
     * Only in the window the failure was counted in: a later window never counted it. Best effort, like
     * {@link #resetAccount}: at worst the address keeps one failure too many until its window ends.
     */
    private void giveBackAddressFailure(String address, FixedWindow window) {
        Instant windowEnd = Instant.ofEpochSecond(window.endEpochSecond());
        for (int tries = 0; tries < MAX_WRITE_CONFLICTS; tries++) {
            AddressAttempts current = store.loadAddress(address);
            int failures = current.failuresIn(window.startEpochSecond());
            if (failures == 0 || store.saveAddress(address, current,
                    new AddressAttempts(window.startEpochSecond(), failures - 1), windowEnd)) {
                return;
            }
        }
    }

    private static Optional<LoginDecision.Refused> addressRefusal(AddressAttempts attempts, FixedWindow window,
            Instant now) {
        if (attempts.failuresIn(window.startEpochSecond()) < ADDRESS_FAILURES_PER_WINDOW) {
            return Optional.empty();
        }
        Instant windowEnd = Instant.ofEpochSecond(window.endEpochSecond());
        return Optional.of(new LoginDecision.Refused(LoginLimit.ADDRESS, Duration.between(now, windowEnd)));
    }

    private static Optional<LoginDecision.Refused> accountRefusal(AccountAttempts attempts, Instant now) {
        if (attempts.consecutiveFailures() < FREE_FAILURES) {
            return Optional.empty();
        }
        Instant allowedFrom = attempts.lastFailureAt().plus(delayAfter(attempts.consecutiveFailures()));
        if (!now.isBefore(allowedFrom)) {
            return Optional.empty();
        }
        // Capped again in case another container's clock ran ahead when it wrote lastFailureAt.
        Duration wait = Duration.between(now, allowedFrom);
        Duration capped = wait.compareTo(MAX_DELAY) < 0 ? wait : MAX_DELAY;
        return Optional.of(new LoginDecision.Refused(LoginLimit.ACCOUNT, capped));
    }

    /** The attempt can go ahead only when both limits allow it, so the page shows the later of the two. */
    private static Optional<LoginDecision.Refused> longerWait(Optional<LoginDecision.Refused> first,
            Optional<LoginDecision.Refused> second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        return first.get().retryAfter().compareTo(second.get().retryAfter()) >= 0 ? first : second;
    }
}
