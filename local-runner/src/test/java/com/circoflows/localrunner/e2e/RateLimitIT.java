package com.circoflows.localrunner.e2e;

import static com.circoflows.localrunner.e2e.ApiAssertions.assertError;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertRateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.circoflows.domain.ids.RandomIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The reference's limits per API key and clock minute: payments 100, authentication (health) 10.
 * Each run uses a fresh merchant, so no other test's key is throttled. Windows are fixed per clock
 * minute: a run starts only with enough of the minute left, and should the whole run still straddle
 * a boundary (a very slow machine) it is repeated once with another fresh key, so it never flakes.
 */
@EndToEnd
class RateLimitIT {
    private static final Duration ROOM_NEEDED = Duration.ofSeconds(10);

    private final E2e e2e;

    RateLimitIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void paymentsAllow100RequestsAMinutePerKeyAndThe101stIs429WithRetryAfter() {
        String unknown = "txn_" + RandomIds.base62(24);
        List<HttpResult> answers = withinOneWindow("Payments Rate Limit Merchant", 101,
                api -> api.status(unknown));

        for (int i = 0; i < 100; i++) {
            HttpResult answer = answers.get(i);
            assertError(answer, 404, "transaction_not_found", "invalid_request_error", null, null);
            assertEquals("100", answer.header("x-ratelimit-limit"), answer::describe);
            assertEquals(Integer.toString(99 - i), answer.header("x-ratelimit-remaining"),
                    "request " + (i + 1) + ": " + answer.describe());
        }
        assertThrottled(answers.get(100), 100);
    }

    @Test
    void healthAllows10RequestsAMinutePerKeyAndThe11thIs429() {
        List<HttpResult> answers = withinOneWindow("Health Rate Limit Merchant", 11, Api::health);

        for (int i = 0; i < 10; i++) {
            HttpResult answer = answers.get(i);
            assertEquals(200, answer.status(), answer::describe);
            assertEquals("10", answer.header("x-ratelimit-limit"), answer::describe);
            assertEquals(Integer.toString(9 - i), answer.header("x-ratelimit-remaining"), answer::describe);
        }
        assertThrottled(answers.get(10), 10);
    }

    @Test
    void oneKeyOverItsLimitDoesNotThrottleAnotherMerchant() {
        List<HttpResult> answers = withinOneWindow("Throttled Merchant", 11, Api::health);
        assertEquals(429, answers.get(10).status(), answers.get(10)::describe);

        HttpResult bystander = e2e.newMerchant("Bystander Merchant").api().health();

        assertEquals(200, bystander.status(), bystander::describe);
        assertEquals("9", bystander.header("x-ratelimit-remaining"), bystander::describe);
    }

    private static void assertThrottled(HttpResult throttled, int limit) {
        long before = Instant.now().getEpochSecond() - 5;
        assertError(throttled, 429, "rate_limit_exceeded", "rate_limit_error", null, null);
        assertRateLimitHeaders(throttled, before);
        assertEquals(Integer.toString(limit), throttled.header("x-ratelimit-limit"), throttled::describe);
        assertEquals("0", throttled.header("x-ratelimit-remaining"), throttled::describe);
        String retryAfter = throttled.header("retry-after");
        assertTrue(retryAfter != null && retryAfter.matches("\\d+"), "Retry-After " + retryAfter);
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + seconds + " is not 1..60");
        long untilReset = Long.parseLong(throttled.header("x-ratelimit-reset")) - Instant.now().getEpochSecond();
        assertTrue(Math.abs(seconds - untilReset) <= 2,
                "Retry-After " + seconds + " disagrees with X-RateLimit-Reset (in " + untilReset + " s)");
    }

    /** {@code count} calls by a fresh merchant, all inside one rate-limit window (same X-RateLimit-Reset). */
    private List<HttpResult> withinOneWindow(String merchantName, int count, Function<Api, HttpResult> call) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            Api api = e2e.newMerchant(merchantName + " " + attempt).api();
            MinuteWindow.ensureRoomFor(ROOM_NEEDED);
            List<HttpResult> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(call.apply(api));
            }
            long windows = answers.stream().map(answer -> answer.header("x-ratelimit-reset")).distinct().count();
            if (windows == 1) {
                return answers;
            }
            System.out.println("e2e: rate-limit run crossed a minute boundary; repeating with a fresh key");
        }
        return fail("two runs of " + count + " requests both crossed a minute boundary");
    }
}
