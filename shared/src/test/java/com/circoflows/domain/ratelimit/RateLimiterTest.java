package com.circoflows.domain.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long NEXT_MINUTE = TestClocks.NOW.getEpochSecond() + 60;

    private final InMemoryRateLimitCounter counter = new InMemoryRateLimitCounter();
    private final MutableClock clock = MutableClock.atTestNow();
    private final RateLimiter limiter = new RateLimiter(counter, clock);

    @Test
    void limitsAreTheReferenceDefaults() {
        assertEquals(10, RateLimitClass.AUTHENTICATION.requestsPerMinute());
        assertEquals(100, RateLimitClass.PAYMENTS.requestsPerMinute());
        assertEquals(1000, RateLimitClass.WEBHOOKS.requestsPerMinute());
    }

    @Test
    void aRevokedSubjectIsReportedByEveryClassUntilTheHorizonAndNoOtherSubjectIs() {
        clock.advance(Duration.ofSeconds(50));
        limiter.markRevoked("key1", Duration.ofSeconds(70));

        for (RateLimitClass limitClass : RateLimitClass.values()) {
            assertTrue(limiter.consume(limitClass, "key1").subjectRevoked(), limitClass.name());
            assertFalse(limiter.consume(limitClass, "key2").subjectRevoked(), limitClass.name());
        }
        clock.advance(Duration.ofSeconds(70));
        assertTrue(limiter.consume(RateLimitClass.PAYMENTS, "key1").subjectRevoked(), "now + 70 s is marked");
        clock.advance(Duration.ofSeconds(60));
        assertFalse(limiter.consume(RateLimitClass.PAYMENTS, "key1").subjectRevoked(), "the marks end there");
    }

    @Test
    void aMarkCountsNothingAndADecisionStillCounts() {
        limiter.markRevoked("key1", Duration.ofSeconds(60));

        assertEquals(100, limiter.peek(RateLimitClass.PAYMENTS, "key1").remaining());
        RateLimitDecision decision = limiter.consume(RateLimitClass.PAYMENTS, "key1");
        assertEquals(99, decision.remaining());
        assertTrue(decision.allowed());
        assertFalse(limiter.peek(RateLimitClass.PAYMENTS, "key1").subjectRevoked(), "peek reads no mark");
    }

    @Test
    void firstRequestIsAllowedAndReportsWhatIsLeft() {
        RateLimitDecision decision = limiter.consume(RateLimitClass.PAYMENTS, "key1");

        assertTrue(decision.allowed());
        assertEquals(100, decision.limit());
        assertEquals(99, decision.remaining());
        assertEquals(NEXT_MINUTE, decision.resetEpochSeconds());
    }

    @Test
    void lastRequestWithinTheLimitIsAllowedWithNothingLeft() {
        RateLimitDecision decision = consume(RateLimitClass.PAYMENTS, "key1", 100);

        assertTrue(decision.allowed());
        assertEquals(0, decision.remaining());
    }

    @Test
    void requestOverLimitIsNotAllowedAndReportsRetryAfter() {
        clock.advance(Duration.ofSeconds(15));

        RateLimitDecision decision = consume(RateLimitClass.PAYMENTS, "key1", 101);

        assertFalse(decision.allowed());
        assertEquals(0, decision.remaining());
        assertEquals(45, decision.retryAfterSeconds());
        assertEquals(NEXT_MINUTE, decision.resetEpochSeconds());
    }

    @Test
    void retryAfterIsNeverZero() {
        clock.advance(Duration.ofMillis(59_999));

        RateLimitDecision decision = consume(RateLimitClass.AUTHENTICATION, "ip:1", 11);

        assertFalse(decision.allowed());
        assertEquals(1, decision.retryAfterSeconds());
    }

    @Test
    void windowResetsAtNextMinute() {
        consume(RateLimitClass.AUTHENTICATION, "key1", 11);
        clock.advance(Duration.ofSeconds(59));
        assertFalse(limiter.consume(RateLimitClass.AUTHENTICATION, "key1").allowed(), "same window");

        clock.advance(Duration.ofSeconds(1));
        RateLimitDecision decision = limiter.consume(RateLimitClass.AUTHENTICATION, "key1");

        assertTrue(decision.allowed());
        assertEquals(9, decision.remaining());
        assertEquals(NEXT_MINUTE + 60, decision.resetEpochSeconds());
    }

    @Test
    void windowsFollowTheWallClockMinuteNotTheFirstRequest() {
        clock.set(Instant.parse("2026-11-23T12:00:42Z"));

        assertEquals(NEXT_MINUTE, limiter.consume(RateLimitClass.PAYMENTS, "key1").resetEpochSeconds());
    }

    @Test
    void eachSubjectHasItsOwnBudget() {
        consume(RateLimitClass.AUTHENTICATION, "key1", 11);

        RateLimitDecision other = limiter.consume(RateLimitClass.AUTHENTICATION, "key2");

        assertTrue(other.allowed());
        assertEquals(9, other.remaining());
    }

    @Test
    void eachClassHasItsOwnBudget() {
        consume(RateLimitClass.AUTHENTICATION, "key1", 11);

        assertTrue(limiter.consume(RateLimitClass.PAYMENTS, "key1").allowed());
    }

    @Test
    void bucketOutlivesItsWindowSoLateIncrementsCannotResetIt() {
        limiter.consume(RateLimitClass.PAYMENTS, "key1");

        String bucket = counter.counts().keySet().iterator().next();
        assertEquals(Instant.ofEpochSecond(NEXT_MINUTE + 60), counter.expiryOf(bucket));
    }

    private RateLimitDecision consume(RateLimitClass limitClass, String subject, int times) {
        RateLimitDecision last = null;
        for (int i = 0; i < times; i++) {
            last = limiter.consume(limitClass, subject);
        }
        return last;
    }
}
