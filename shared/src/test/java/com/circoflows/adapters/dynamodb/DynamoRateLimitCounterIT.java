package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.ratelimit.RateLimitBuckets;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.ratelimit.RateLimitDecision;
import com.circoflows.domain.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class DynamoRateLimitCounterIT {
    private static final int THREADS = 8;
    private static final int INCREMENTS_PER_THREAD = 25;

    private final String table = LocalStackFixture.table("RateLimitsTable");
    private final DynamoRateLimitCounter counter = new DynamoRateLimitCounter(LocalStackFixture.dynamoDb(), table);

    @Test
    void countsUpFromOnePerBucket() {
        String bucket = bucket();
        Instant expires = Instant.parse("2030-01-01T00:01:00Z");

        assertEquals(1, counter.incrementAndGet(bucket, expires));
        assertEquals(2, counter.incrementAndGet(bucket, expires));
        assertEquals(3, counter.incrementAndGet(bucket, expires));
        assertEquals(1, counter.incrementAndGet(bucket(), expires));
    }

    @Test
    void concurrentIncrementsFromEightThreadsCountExactly() throws Exception {
        String bucket = bucket();
        Instant expires = Instant.parse("2030-01-01T00:01:00Z");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Long> seen = new ArrayList<>();
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Callable<List<Long>> work = () -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                        mine.add(counter.incrementAndGet(bucket, expires));
                    }
                    return mine;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<List<Long>> result : results) {
                seen.addAll(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        long total = (long) THREADS * INCREMENTS_PER_THREAD;
        // Every increment saw a distinct count: none was lost and none was counted twice.
        assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), seen.stream().sorted().toList());
        assertEquals(Long.toString(total), rawItem(bucket).get("request_count").n());
    }

    @Test
    void expiresAtIsSetInEpochSecondsOnTheTablesTtlAttributeAndKeptByLaterIncrements() {
        String bucket = bucket();
        Instant first = Instant.parse("2030-01-01T00:02:00Z");

        counter.incrementAndGet(bucket, first);
        counter.incrementAndGet(bucket, first.plusSeconds(3600));

        String ttlAttribute = LocalStackFixture.dynamoDb().describeTimeToLive(d -> d.tableName(table))
                .timeToLiveDescription().attributeName();
        assertEquals("expires_at", ttlAttribute);
        TimeToLiveStatus status = LocalStackFixture.dynamoDb().describeTimeToLive(d -> d.tableName(table))
                .timeToLiveDescription().timeToLiveStatus();
        assertTrue(status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING, status.toString());
        AttributeValue expiresAt = rawItem(bucket).get(ttlAttribute);
        assertEquals(Long.toString(first.getEpochSecond()), expiresAt.n(), "TTL needs a Number in epoch seconds");
    }

    @Test
    void rateLimiterOnTheTableAllowsTheLimitThenRefuses() {
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:30Z"), ZoneOffset.UTC);
        RateLimiter limiter = new RateLimiter(counter, clock);
        String subject = RandomIds.base62(16);
        int limit = RateLimitClass.AUTHENTICATION.requestsPerMinute();

        RateLimitDecision last = null;
        for (int i = 0; i < limit; i++) {
            last = limiter.consume(RateLimitClass.AUTHENTICATION, subject);
            assertTrue(last.allowed(), "request " + (i + 1));
        }
        RateLimitDecision over = limiter.consume(RateLimitClass.AUTHENTICATION, subject);

        assertEquals(0, last.remaining());
        assertTrue(!over.allowed());
        assertEquals(Instant.parse("2030-01-01T00:01:00Z").getEpochSecond(), over.resetEpochSeconds());
        assertEquals(30, over.retryAfterSeconds());
    }

    @Test
    void aCountGivenBackIsTakenOffButNeverBelowZeroAndAMissingBucketIsNotCreated() {
        String bucket = bucket();
        Instant expires = Instant.parse("2030-01-01T00:01:00Z");
        counter.incrementAndGet(bucket, expires);
        counter.incrementAndGet(bucket, expires);

        counter.giveBack(bucket);
        assertEquals(1, counter.current(bucket));
        counter.giveBack(bucket);
        counter.giveBack(bucket);
        assertEquals(0, counter.current(bucket));
        assertEquals(1, counter.incrementAndGet(bucket, expires));

        String missing = bucket();
        counter.giveBack(missing);
        assertTrue(rawItem(missing) == null || rawItem(missing).isEmpty(), "no item without a TTL");
    }

    @Test
    void aMarkedBucketReportsItsRevocationWithEveryLaterIncrementAndKeepsCounting() {
        String marked = bucket();
        String other = bucket();
        Instant expires = Instant.parse("2030-01-01T00:02:00Z");
        counter.increment(marked, expires);

        counter.markRevoked(marked, expires.plusSeconds(600));

        assertEquals(new RateLimitBuckets.Increment(2, true), counter.increment(marked, expires));
        assertEquals(new RateLimitBuckets.Increment(3, true), counter.increment(marked, expires));
        assertEquals(new RateLimitBuckets.Increment(1, false), counter.increment(other, expires));
        assertEquals(Long.toString(expires.getEpochSecond()), rawItem(marked).get("expires_at").n(),
                "the mark keeps the bucket's expiry");
    }

    @Test
    void markingABucketAheadCreatesItUncountedWithItsExpiry() {
        String ahead = bucket();
        Instant expires = Instant.parse("2030-01-01T00:03:00Z");

        counter.markRevoked(ahead, expires);

        assertEquals(0, counter.current(ahead));
        assertEquals(Long.toString(expires.getEpochSecond()), rawItem(ahead).get("expires_at").n());
        assertEquals(new RateLimitBuckets.Increment(1, true), counter.increment(ahead, expires.plusSeconds(60)));
        assertEquals(1, counter.incrementAndGet(bucket(), expires), "fraud counters count as before");
    }

    @Test
    void missingTableIsAConfigurationFaultNotARetryableOne() {
        DynamoRateLimitCounter missing = new DynamoRateLimitCounter(LocalStackFixture.dynamoDb(), "no-such-table");

        assertThrows(IllegalStateException.class, () -> missing.incrementAndGet(bucket(), Instant.now()));
    }

    private static String bucket() {
        return "payments#" + RandomIds.base62(16) + "#1893456000";
    }

    private Map<String, AttributeValue> rawItem(String bucket) {
        return LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("bucket", AttributeValue.fromS(bucket)))).item();
    }
}
