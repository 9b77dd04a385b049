package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.idempotency.IdempotencyStore.Acquired;
import com.circoflows.domain.idempotency.IdempotencyStore.Claim;
import com.circoflows.domain.idempotency.IdempotencyStore.Existing;
import com.circoflows.domain.idempotency.StoredResponse;
import com.circoflows.domain.ids.RandomIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoIdempotencyStoreIT {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration LOCK = Duration.ofSeconds(15);
    private static final StoredResponse OK = new StoredResponse(200,
            Map.of("content-type", "application/json"), "{\"success\":true,\"data\":{\"n\":1}}");

    private final String table = LocalStackFixture.table("IdempotencyTable");
    private final DynamoIdempotencyStore store = new DynamoIdempotencyStore(LocalStackFixture.dynamoDb(), table);

    @Test
    void firstClaimHoldsTheKeyAndTheNextSeesItInProgressThenCompleted() {
        String key = key();

        assertInstanceOf(Acquired.class, claim(key, "fp", "t1", NOW));
        Existing during = (Existing) claim(key, "fp", "t2", NOW.plusSeconds(1));
        assertTrue(during.inProgress());
        assertEquals("fp", during.fingerprint());

        assertTrue(store.complete(key, "t1", OK));
        Existing after = (Existing) claim(key, "fp", "t3", NOW.plusSeconds(2));

        assertEquals(OK, after.response());
        assertEquals("fp", after.fingerprint());
    }

    @Test
    void aCompletedRecordIsNeverTakenOverBeforeItExpires() {
        String key = key();
        claim(key, "fp", "t1", NOW);
        store.complete(key, "t1", OK);

        Existing later = (Existing) claim(key, "fp", "t2", NOW.plus(Duration.ofHours(23)));

        assertEquals(OK, later.response());
    }

    @Test
    void aRecordLeftInProgressIsTakenOverOnceItsLockRunsOutButOnlyBySameRequest() {
        String key = key();
        assertEquals(reservedBy("crashed"), ((Acquired) claim(key, "fp", "crashed", NOW)).reservedId());

        assertTrue(((Existing) claim(key, "fp", "t2", NOW.plus(LOCK).minusMillis(1))).inProgress());
        assertEquals("fp", ((Existing) claim(key, "other", "t3", NOW.plus(LOCK).plusSeconds(1))).fingerprint());
        Acquired takenOver = (Acquired) claim(key, "fp", "t4", NOW.plus(LOCK));
        assertEquals(reservedBy("crashed"), takenOver.reservedId(), "the retry recovers the crashed request's object");

        // The crashed invocation, should it wake up, can no longer save or delete the record.
        assertFalse(store.complete(key, "crashed", OK));
        store.release(key, "crashed");
        assertTrue(store.complete(key, "t4", OK));
        assertEquals(OK, ((Existing) claim(key, "fp", "t5", NOW.plus(LOCK).plusSeconds(2))).response());
    }

    @Test
    void aRecordLeftInProgressBeforeIdsWereReservedIsTakenOverWithTheTakersId() {
        String key = key();
        claim(key, "fp", "crashed", NOW);
        LocalStackFixture.dynamoDb().updateItem(update -> update.tableName(table)
                .key(Map.of("record_key", AttributeValue.fromS(key))).updateExpression("REMOVE reserved_id"));

        assertEquals(reservedBy("t2"), ((Acquired) claim(key, "fp", "t2", NOW.plus(LOCK))).reservedId());
    }

    @Test
    void aKeyWhoseRecordExpiredReservesANewId() {
        String key = key();
        claim(key, "fp", "t1", NOW);

        Acquired again = (Acquired) claim(key, "fp", "t2", NOW.plus(Duration.ofHours(24)));

        assertEquals(reservedBy("t2"), again.reservedId());
    }

    @Test
    void releaseUnlocksTheRecordSoTheSameRequestRunsAgainAtOnceUnderTheSameReservedId() {
        String key = key();
        claim(key, "fp", "t1", NOW);

        store.release(key, "t1");

        assertEquals("fp", ((Existing) claim(key, "other request", "t2", NOW.plusSeconds(1))).fingerprint());
        assertEquals(reservedBy("t1"), ((Acquired) claim(key, "fp", "t3", NOW.plusSeconds(1))).reservedId());
        store.release(key, "t1");
        assertTrue(((Existing) claim(key, "fp", "t4", NOW.plusSeconds(2))).inProgress(), "t1 no longer holds it");
    }

    @Test
    void ttlAttributeIsSetInEpochSecondsOnTheTablesTtlAttribute() {
        String key = key();
        Instant expires = NOW.plus(Duration.ofHours(24));
        store.claim(key, "fp", "t1", reservedBy("t1"), NOW, NOW.plus(LOCK), expires);

        String ttlAttribute = LocalStackFixture.dynamoDb().describeTimeToLive(d -> d.tableName(table))
                .timeToLiveDescription().attributeName();
        assertEquals("expires_at", ttlAttribute);
        assertEquals(Long.toString(expires.getEpochSecond()), rawItem(key).get(ttlAttribute).n());
    }

    @Test
    void aRecordPastItsTtlCountsAsGoneEvenBeforeDynamoDbDeletesIt() {
        String key = key();
        claim(key, "fp", "t1", NOW);
        store.complete(key, "t1", OK);

        assertInstanceOf(Acquired.class, claim(key, "another request", "t2", NOW.plus(Duration.ofHours(24))));
    }

    @Test
    void ofSixteenConcurrentFirstRequestsExactlyOneHoldsTheKey() throws Exception {
        String key = key();
        int writers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Claim> claims = new ArrayList<>();
        try {
            List<Future<Claim>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String token = "t" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return claim(key, "fp", token, NOW);
                }));
            }
            start.countDown();
            for (Future<Claim> result : results) {
                claims.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, claims.stream().filter(Acquired.class::isInstance).count());
        assertTrue(claims.stream().filter(Existing.class::isInstance).allMatch(c -> ((Existing) c).inProgress()));
    }

    @Test
    void missingTableIsAFailureTheCallerSees() {
        DynamoIdempotencyStore missing = new DynamoIdempotencyStore(LocalStackFixture.dynamoDb(), "no-such-table");

        assertThrows(RuntimeException.class, () -> missing.claim(key(), "fp", "t", reservedBy("t"), NOW,
                NOW.plus(LOCK), NOW));
    }

    /** Each claim offers an id of its own to reserve, so the tests see whose id a record keeps. */
    private Claim claim(String key, String fingerprint, String token, Instant now) {
        return store.claim(key, fingerprint, token, reservedBy(token), now, now.plus(LOCK),
                now.plus(Duration.ofHours(24)));
    }

    private static String reservedBy(String token) {
        return "reserved-by-" + token;
    }

    private static String key() {
        return RandomIds.base62(32);
    }

    private Map<String, AttributeValue> rawItem(String key) {
        Map<String, AttributeValue> item = LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table)
                .consistentRead(true).key(Map.of("record_key", AttributeValue.fromS(key)))).item();
        return item == null || item.isEmpty() ? null : item;
    }
}
