package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.risk.FraudScreen;
import com.circoflows.domain.risk.RiskAssessment;
import com.circoflows.domain.risk.RiskAttempt;
import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.testing.TestCardData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The fraud screen's counters on the template's RiskCountersTable, through the real SDK. */
class RiskCountersIT {
    private static final int THREADS = 8;
    private static final int ATTEMPTS_PER_THREAD = 6;
    private static final Instant NOW = Instant.parse("2030-01-01T12:34:56Z");

    private final String table = LocalStackFixture.table("RiskCountersTable");
    private final String merchantId = AdapterTestData.merchantId();
    private final String card = RandomIds.base62(32);

    private FraudScreen screen(RiskSettings settings) {
        return FraudScreen.standard(TestCardData.fingerprinter(),
                new DynamoRateLimitCounter(LocalStackFixture.dynamoDb(), table), merchant -> settings);
    }

    private RiskAttempt attempt(Instant at) {
        return new RiskAttempt(merchantId, Mode.TEST, Money.of(1000, "USD"), card, at);
    }

    @Test
    void concurrentAttemptsWithOneCardLetExactlyTheLimitThrough() throws Exception {
        FraudScreen screen = screen(RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 20));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<RiskAssessment> assessments = new ArrayList<>();
        try {
            List<Future<List<RiskAssessment>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Callable<List<RiskAssessment>> work = () -> {
                    start.await();
                    List<RiskAssessment> mine = new ArrayList<>();
                    for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                        mine.add(screen.screen(attempt(NOW)));
                    }
                    return mine;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<List<RiskAssessment>> result : results) {
                assessments.addAll(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(20, assessments.stream().filter(a -> !a.blocked()).count());
        assertEquals(THREADS * ATTEMPTS_PER_THREAD - 20, assessments.stream().filter(RiskAssessment::blocked).count());
        assertEquals(String.valueOf(THREADS * ATTEMPTS_PER_THREAD), cardBucket(NOW, 3600).get("request_count").n());
    }

    @Test
    void eachCounterExpiresAMinuteAfterItsWindowOnTheTablesTtlAttribute() {
        screen(RiskSettings.DEFAULTS).screen(attempt(NOW));

        String ttlAttribute = LocalStackFixture.dynamoDb().describeTimeToLive(d -> d.tableName(table))
                .timeToLiveDescription().attributeName();
        assertEquals("expires_at", ttlAttribute);
        long endOfHour = Instant.parse("2030-01-01T13:00:00Z").getEpochSecond();
        assertEquals(String.valueOf(endOfHour + 60), cardBucket(NOW, 3600).get(ttlAttribute).n());
    }

    @Test
    void aNewWindowStartsAFreshCountAtItsBoundary() {
        FraudScreen screen = screen(RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 1));
        Instant lastSecond = Instant.parse("2030-01-01T12:59:59Z");
        screen.screen(attempt(lastSecond));
        assertTrue(screen.screen(attempt(lastSecond)).blocked());

        assertFalse(screen.screen(attempt(Instant.parse("2030-01-01T13:00:00Z"))).blocked());
    }

    @Test
    void aWindowOfAnotherLengthCountsApart() {
        screen(RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 1)).screen(attempt(NOW));

        RiskSettings shorter = RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 1)
                .with(RiskSetting.CARD_VELOCITY_WINDOW_MINUTES, 15);
        assertFalse(screen(shorter).screen(attempt(NOW)).blocked());
        assertEquals("1", cardBucket(Instant.parse("2030-01-01T12:30:00Z"), 900).get("request_count").n());
    }

    private Map<String, AttributeValue> cardBucket(Instant windowContaining, long windowSeconds) {
        long start = windowContaining.getEpochSecond() - Math.floorMod(windowContaining.getEpochSecond(), windowSeconds);
        String bucket = "card#" + merchantId + "#test#" + card + "#" + windowSeconds + "s#" + start;
        return LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("bucket", AttributeValue.fromS(bucket)))).item();
    }
}
