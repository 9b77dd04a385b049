package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.InMemoryLoginAttemptStore;
import com.circoflows.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final String OWNER = "alice@example.com";
    private static final String OWNER_ADDRESS = "198.51.100.7";
    private static final String ATTACKER_ADDRESS = "203.0.113.66";

    private final MutableClock clock = MutableClock.atTestNow();
    private final InMemoryLoginAttemptStore store = new InMemoryLoginAttemptStore();
    private final LoginThrottle throttle = new LoginThrottle(store, clock);

    @Test
    void fiveFailuresInARowAreFree() {
        for (int i = 0; i < 5; i++) {
            failFrom(ATTACKER_ADDRESS, OWNER);
        }

        assertEquals(5, store.accounts().get(OWNER).consecutiveFailures());
    }

    @Test
    void fiveFailuresMakeTheAccountWaitOneSecond() {
        failFiveTimes(OWNER);

        assertRefused(LoginLimit.ACCOUNT, Duration.ofSeconds(1), throttle.attempt(OWNER, OWNER_ADDRESS));
        clock.advance(Duration.ofMillis(999));
        assertRefused(LoginLimit.ACCOUNT, Duration.ofMillis(1), throttle.attempt(OWNER, OWNER_ADDRESS));
        clock.advance(Duration.ofMillis(1));
        assertInstanceOf(LoginDecision.Allowed.class, throttle.attempt(OWNER, OWNER_ADDRESS));
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToFifteenMinutes() {
        failFiveTimes(OWNER);
        List<Duration> expected = List.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900).stream()
                .map(Duration::ofSeconds).toList();

        for (Duration wait : expected) {
            assertRefused(LoginLimit.ACCOUNT, wait, throttle.attempt(OWNER, ATTACKER_ADDRESS));
            clock.advance(wait);
            failFrom(ATTACKER_ADDRESS, OWNER);
        }
    }

    @Test
    void theWaitIsCappedForAnyNumberOfFailures() {
        assertEquals(Duration.ZERO, LoginThrottle.delayAfter(4));
        assertEquals(Duration.ofSeconds(1), LoginThrottle.delayAfter(5));
        assertEquals(Duration.ofSeconds(512), LoginThrottle.delayAfter(14));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.delayAfter(15));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void aSuccessResetsTheAccount() {
        failFiveTimes(OWNER);
        clock.advance(Duration.ofSeconds(1));

        throttle.succeeded(allowed(throttle.attempt(OWNER, OWNER_ADDRESS)));

        assertFalse(store.accounts().containsKey(OWNER));
        failFiveTimes(OWNER);
        assertRefused(LoginLimit.ACCOUNT, Duration.ofSeconds(1), throttle.attempt(OWNER, OWNER_ADDRESS));
    }

    @Test
    void aRefusedAttemptIsNotCountedAsAFailure() {
        failFiveTimes(OWNER);
        for (int i = 0; i < 20; i++) {
            assertInstanceOf(LoginDecision.Refused.class, throttle.attempt(OWNER, ATTACKER_ADDRESS));
        }

        assertEquals(5, store.accounts().get(OWNER).consecutiveFailures());
        assertEquals(5, store.addresses().get(ATTACKER_ADDRESS).failures());
        clock.advance(Duration.ofSeconds(1));
        failFrom(ATTACKER_ADDRESS, OWNER);
        assertRefused(LoginLimit.ACCOUNT, Duration.ofSeconds(2), throttle.attempt(OWNER, ATTACKER_ADDRESS));
    }

    @Test
    void emailsAreCountedWhateverTheirCaseOrSurroundingSpaces() {
        for (String typed : List.of("alice@example.com", "Alice@Example.com", " ALICE@example.com ",
                "alice@EXAMPLE.COM", "\talice@example.com")) {
            failFrom(ATTACKER_ADDRESS, typed);
        }

        assertRefused(LoginLimit.ACCOUNT, Duration.ofSeconds(1), throttle.attempt(OWNER, OWNER_ADDRESS));
    }

    @Test
    void theAddressRefusesTheThirtyFirstFailureInItsWindowForAnyEmail() {
        clock.advance(Duration.ofMinutes(3)); // the test clock starts on a window boundary
        for (int i = 0; i < 30; i++) {
            failFrom(ATTACKER_ADDRESS, "user" + i + "@example.com");
        }

        assertRefused(LoginLimit.ADDRESS, Duration.ofMinutes(7),
                throttle.attempt("user30@example.com", ATTACKER_ADDRESS));
        assertRefused(LoginLimit.ADDRESS, Duration.ofMinutes(7), throttle.attempt(OWNER, ATTACKER_ADDRESS));
        assertInstanceOf(LoginDecision.Allowed.class, throttle.attempt(OWNER, OWNER_ADDRESS),
                "other addresses go on");
    }

    @Test
    void theAddressIsAllowedAgainInTheNextWindow() {
        clock.advance(Duration.ofMinutes(9));
        for (int i = 0; i < 30; i++) {
            failFrom(ATTACKER_ADDRESS, "user" + i + "@example.com");
        }
        assertRefused(LoginLimit.ADDRESS, Duration.ofMinutes(1),
                throttle.attempt("next@example.com", ATTACKER_ADDRESS));

        clock.advance(Duration.ofMinutes(1));

        for (int i = 0; i < 30; i++) {
            failFrom(ATTACKER_ADDRESS, "other" + i + "@example.com");
        }
        assertRefused(LoginLimit.ADDRESS, Duration.ofMinutes(10),
                throttle.attempt("next@example.com", ATTACKER_ADDRESS));
    }

    @Test
    void aSuccessIsNotCountedAgainstTheAddress() {
        for (int i = 0; i < 29; i++) {
            failFrom(OWNER_ADDRESS, "colleague" + i + "@example.com");
        }

        throttle.succeeded(allowed(throttle.attempt(OWNER, OWNER_ADDRESS)));
        failFrom(OWNER_ADDRESS, "one.more@example.com");

        assertRefused(LoginLimit.ADDRESS, Duration.ofMinutes(10), throttle.attempt(OWNER, OWNER_ADDRESS));
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int i = 0; i < 30; i++) {
            failFrom("2001:db8:1:2::" + Integer.toHexString(i + 1), "user" + i + "@example.com");
        }

        assertRefused(LoginLimit.ADDRESS, Duration.ofMinutes(10),
                throttle.attempt(OWNER, "2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertInstanceOf(LoginDecision.Allowed.class, throttle.attempt(OWNER, "2001:db8:1:3::1"));
    }

    @Test
    void whenBothLimitsRefuseThePageShowsTheLongerWait() {
        for (int i = 0; i < 25; i++) {
            failFrom(ATTACKER_ADDRESS, "user" + i + "@example.com");
        }
        failFiveTimes(OWNER);
        // The address is full until 12:10; the account waits a second.
        assertRefused(LoginLimit.ADDRESS, Duration.ofMinutes(10), throttle.attempt(OWNER, ATTACKER_ADDRESS));

        clock.advance(Duration.ofMinutes(10));
        for (int failures = 5; failures < 14; failures++) {
            clock.advance(LoginThrottle.delayAfter(failures));
            failFrom("10.1.0." + failures, OWNER);
        }
        for (int i = 0; i < 30; i++) {
            failFrom(ATTACKER_ADDRESS, "other" + i + "@example.com");
        }
        // At 12:18:31 the address is full until 12:20; the account, at 14 failures, waits 512 s.
        assertRefused(LoginLimit.ACCOUNT, Duration.ofSeconds(512), throttle.attempt(OWNER, ATTACKER_ADDRESS));
        assertRefused(LoginLimit.ADDRESS, Duration.ofSeconds(89),
                throttle.attempt("other@example.com", ATTACKER_ADDRESS));
    }

    @Test
    void anAttackerOnManyAddressesDelaysTheAccountAtMostFifteenMinutesAndTheOwnerThenSignsIn() {
        Duration longestWait = Duration.ZERO;
        int guesses = 0;
        for (int address = 1; guesses < 40; address++) {
            LoginDecision decision = throttle.attempt(OWNER, "10.0." + (address / 250) + "." + (address % 250 + 1));
            if (decision instanceof LoginDecision.Refused refused) {
                assertEquals(LoginLimit.ACCOUNT, refused.limit());
                assertTrue(refused.retryAfter().compareTo(LoginThrottle.MAX_DELAY) <= 0, refused.toString());
                longestWait = max(longestWait, refused.retryAfter());
                clock.advance(refused.retryAfter());
            } else {
                guesses++;
            }
        }
        assertEquals(LoginThrottle.MAX_DELAY, longestWait, "the attack reached the cap");

        assertRefused(LoginLimit.ACCOUNT, LoginThrottle.MAX_DELAY, throttle.attempt(OWNER, OWNER_ADDRESS));
        clock.advance(LoginThrottle.MAX_DELAY);
        throttle.succeeded(allowed(throttle.attempt(OWNER, OWNER_ADDRESS)));

        assertFalse(store.accounts().containsKey(OWNER), "the owner's sign-in reset the count");
        failFrom(OWNER_ADDRESS, OWNER);
        failFrom(OWNER_ADDRESS, OWNER);
        throttle.succeeded(allowed(throttle.attempt(OWNER, OWNER_ADDRESS)));
    }

    @Test
    void aFailureCountedBySimultaneousAttemptIsNotLost() {
        for (int i = 0; i < 4; i++) {
            failFrom(ATTACKER_ADDRESS, OWNER);
        }
        // Between this attempt's read (4 failures) and its write, another one takes the fifth free failure.
        store.beforeNextAccountSave(() -> failFrom(OWNER_ADDRESS, OWNER));

        LoginDecision decision = throttle.attempt(OWNER, "192.0.2.1");

        assertRefused(LoginLimit.ACCOUNT, Duration.ofSeconds(1), decision);
        assertEquals(5, store.accounts().get(OWNER).consecutiveFailures());
        assertEquals(0, store.addresses().get("192.0.2.1").failures(), "the refused attempt gave its place back");
    }

    private void failFiveTimes(String email) {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            failFrom(ATTACKER_ADDRESS, email);
        }
    }

    /** An allowed attempt whose password was wrong: counted already, nothing more to do. */
    private void failFrom(String address, String email) {
        allowed(throttle.attempt(email, address));
    }

    private static LoginDecision.Allowed allowed(LoginDecision decision) {
        return assertInstanceOf(LoginDecision.Allowed.class, decision);
    }

    private static void assertRefused(LoginLimit limit, Duration retryAfter, LoginDecision decision) {
        LoginDecision.Refused refused = assertInstanceOf(LoginDecision.Refused.class, decision);
        assertEquals(limit, refused.limit());
        assertEquals(retryAfter, refused.retryAfter());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
