package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.DeliveryState;
import com.circoflows.domain.webhook.NextAttempt;
import com.circoflows.domain.webhook.OverdueRetry;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.WebhookEventPage;
import com.circoflows.testing.WebhookTestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Delivery state of webhook events in the real table: leases, attempts, dead letters, redelivery, listing. */
class WebhookDeliveryStateIT {
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);
    private static final String URL = "https://hooks.acme.example/in";

    private final DynamoDbClient dynamoDb = LocalStackFixture.dynamoDb();
    private final String table = LocalStackFixture.table("WebhookEventsTable");
    private final DynamoWebhookEventRepository events = new DynamoWebhookEventRepository(dynamoDb, table);
    /** Millisecond instants far from every other test's data, so the shared sweep index is ours below it. */
    private final Instant now = Instant.parse("1990-01-01T00:00:00Z")
            .plusMillis(ThreadLocalRandom.current().nextLong(Duration.ofDays(3650).toMillis()));

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    // --- leases -------------------------------------------------------------------------------

    @Test
    void twoConcurrentDeliveriesGetTheLeaseExactlyOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(THREADS.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return events.acquireLease(event.eventId(), now, now.plusSeconds(60));
                }));
            }
            int granted = 0;
            for (Future<Boolean> outcome : outcomes) {
                granted += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, granted, "round " + round);
        }
    }

    @Test
    void leaseIsRefusedWhileUnexpiredAndGrantedAgainOnceExpired() {
        WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));

        assertTrue(events.acquireLease(event.eventId(), now, now.plusSeconds(60)));
        assertFalse(events.acquireLease(event.eventId(), now.plusSeconds(1), now.plusSeconds(61)));
        assertFalse(events.acquireLease(event.eventId(), now.plusSeconds(59), now.plusSeconds(119)));
        assertTrue(events.acquireLease(event.eventId(), now.plusSeconds(61), now.plusSeconds(121)));
        assertEquals(Attributes.time(now.plusSeconds(121)), raw(event.eventId()).get("lease_until"));
    }

    @Test
    void recordingAnAttemptReleasesTheLease() {
        WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        assertTrue(events.acquireLease(event.eventId(), now, now.plusSeconds(60)));

        record(event, attempt(1, 500, null), DeliveryStatus.RETRYING, "http_500");

        assertFalse(raw(event.eventId()).containsKey("lease_until"));
        assertTrue(events.acquireLease(event.eventId(), now.plusSeconds(1), now.plusSeconds(61)));
    }

    @Test
    void finalEventsCannotBeLeasedAndUnknownOnesNeither() {
        WebhookEvent delivered = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        WebhookEvent failed = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        record(delivered, attempt(1, 200, null), DeliveryStatus.DELIVERED, null);
        assertTrue(events.markFailed(failed.eventId(), now, "retries_exhausted"));

        assertFalse(events.acquireLease(delivered.eventId(), now, now.plusSeconds(60)));
        assertFalse(events.acquireLease(failed.eventId(), now, now.plusSeconds(60)));
        assertFalse(events.acquireLease("evt_" + AdapterTestData.merchantId().substring(4) + "0000", now,
                now.plusSeconds(60)));
    }

    // --- attempts -----------------------------------------------------------------------------

    @Test
    void attemptsAreAppendedInOrderWithEveryFieldAndTheEventLeavesTheSweepIndex() {
        WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now, URL));
        assertTrue(neverAttempted(event), "a new event is in the sweeper's index");
        DeliveryAttempt timeout = new DeliveryAttempt(1, now.plusMillis(5), URL, null, "timeout", 10_000, null);
        DeliveryAttempt refused = new DeliveryAttempt(2, now.plusSeconds(5), URL, null, "connection_refused", 3, null);
        DeliveryAttempt served = new DeliveryAttempt(3, now.plusSeconds(305), URL, 200, null, 87, "ünïcödé ok ✓");

        record(event, timeout, DeliveryStatus.RETRYING, "timeout");
        assertFalse(neverAttempted(event), "touched by a delivery: the sweeper must not queue it again");
        record(event, refused, DeliveryStatus.RETRYING, "connection_refused");
        events.recordAttempt(event.eventId(), served, new DeliveryState(DeliveryStatus.DELIVERED, List.of(),
                now.plusSeconds(305), null, null));

        StoredWebhookEvent stored = events.findWithDelivery(event.eventId()).orElseThrow();
        assertEquals(List.of(timeout, refused, served), stored.delivery().attempts());
        assertEquals(DeliveryStatus.DELIVERED, stored.delivery().status());
        assertEquals(DeliveryStatus.DELIVERED, stored.event().deliveryStatus());
        assertEquals(now.plusSeconds(305), stored.delivery().deliveredAt());
        assertNull(stored.delivery().lastError(), "the error of an earlier attempt is cleared on success");
        assertNull(stored.delivery().failedAt());
        assertEquals(URL, stored.event().targetUrl());
        assertEquals(event.data(), stored.event().data());
    }

    @Test
    void recordingAnAttemptForAnUnknownEventCreatesNothing() {
        String unknown = WebhookTestEvents.pending(AdapterTestData.merchantId(), now).eventId();

        assertThrows(IllegalStateException.class, () -> events.recordAttempt(unknown, attempt(1, 200, null),
                new DeliveryState(DeliveryStatus.DELIVERED, List.of(), now, null, null)));

        assertTrue(events.findWithDelivery(unknown).isEmpty());
    }

    // --- dead letters and redelivery ----------------------------------------------------------

    @Test
    void markFailedTurnsARetryingEventFailedOnce() {
        WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        record(event, attempt(1, 500, null), DeliveryStatus.RETRYING, "http_500");
        assertTrue(events.acquireLease(event.eventId(), now, now.plusSeconds(60)));

        assertTrue(events.markFailed(event.eventId(), now.plusSeconds(9), "retries_exhausted"));
        assertFalse(events.markFailed(event.eventId(), now.plusSeconds(99), "again"));

        StoredWebhookEvent stored = events.findWithDelivery(event.eventId()).orElseThrow();
        assertEquals(DeliveryStatus.FAILED, stored.delivery().status());
        assertEquals(now.plusSeconds(9), stored.delivery().failedAt());
        assertEquals("retries_exhausted", stored.delivery().lastError());
        assertEquals(1, stored.delivery().attempts().size());
        assertFalse(raw(event.eventId()).containsKey("lease_until"));
    }

    @Test
    void markFailedLeavesADeliveredEventAloneAndIgnoresUnknownOnes() {
        WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        record(event, attempt(1, 200, null), DeliveryStatus.DELIVERED, null);

        assertFalse(events.markFailed(event.eventId(), now, "retries_exhausted"));
        assertFalse(events.markFailed(WebhookTestEvents.pending("mch_x", now).eventId(), now, "retries_exhausted"));

        assertEquals(DeliveryStatus.DELIVERED, events.findWithDelivery(event.eventId()).orElseThrow()
                .delivery().status());
    }

    @Test
    void pendingEventDeadLetteredBeforeAnyAttemptLeavesTheSweepIndex() {
        WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));

        assertTrue(events.markFailed(event.eventId(), now, "retries_exhausted"));

        assertFalse(neverAttempted(event));
    }

    @Test
    void eventTheSweeperQueuedAgainLeavesTheSweepIndexButStaysPendingAndDeliverable() {
        WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));

        events.markRequeued(event.eventId());
        events.markRequeued(event.eventId());

        assertFalse(neverAttempted(event));
        assertEquals(DeliveryStatus.PENDING, events.findWithDelivery(event.eventId()).orElseThrow().delivery().status());
        assertTrue(events.acquireLease(event.eventId(), now, now.plusSeconds(30)), "delivery can still take it");
    }

    @Test
    void markingAnUnknownEventRequeuedCreatesNothing() {
        events.markRequeued("evt_doesnotexist0000000000");

        assertTrue(raw("evt_doesnotexist0000000000").isEmpty());
    }

    @Test
    void reopeningAFinalEventMakesItPendingAndSweepableAgainWithItsHistory() {
        WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        record(event, attempt(1, 500, null), DeliveryStatus.RETRYING, "http_500");
        events.markFailed(event.eventId(), now.plusSeconds(5), "retries_exhausted");
        assertFalse(neverAttempted(event));

        assertTrue(events.reopenForRedelivery(event.eventId()));

        assertTrue(neverAttempted(event), "if the redelivery job is lost, the sweeper queues it");
        StoredWebhookEvent stored = events.findWithDelivery(event.eventId()).orElseThrow();
        assertEquals(DeliveryStatus.PENDING, stored.delivery().status());
        assertEquals(1, stored.delivery().attempts().size());
        assertNull(stored.delivery().failedAt());
        assertNull(stored.delivery().lastError());
        assertTrue(events.acquireLease(event.eventId(), now, now.plusSeconds(60)), "deliverable again");
    }

    @Test
    void onlyFinalEventsAreReopened() {
        WebhookEvent pending = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        WebhookEvent retrying = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        WebhookEvent delivered = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        record(retrying, attempt(1, 500, null), DeliveryStatus.RETRYING, "http_500");
        record(delivered, attempt(1, 200, null), DeliveryStatus.DELIVERED, null);

        assertFalse(events.reopenForRedelivery(pending.eventId()));
        assertFalse(events.reopenForRedelivery(retrying.eventId()));
        assertFalse(events.reopenForRedelivery(WebhookTestEvents.pending("mch_x", now).eventId()));
        assertTrue(events.reopenForRedelivery(delivered.eventId()));
        assertNull(events.findWithDelivery(delivered.eventId()).orElseThrow().delivery().deliveredAt());
    }

    // --- the sweeper's index ------------------------------------------------------------------

    @Test
    void neverAttemptedEventsAreFoundOldestFirstBeforeTheGivenTime() {
        WebhookEvent older = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now.minusMillis(2)));
        WebhookEvent old = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now.minusMillis(1)));
        WebhookEvent notYet = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));

        List<String> found = events.findNeverAttempted(now, 100).stream().map(WebhookEvent::eventId).toList();

        assertTrue(found.indexOf(older.eventId()) >= 0 && found.indexOf(older.eventId()) < found.indexOf(old.eventId()),
                found.toString());
        assertFalse(found.contains(notYet.eventId()), "created at the cut-off: not yet");
        List<WebhookEvent> one = events.findNeverAttempted(now, 1);
        assertEquals(1, one.size());
        assertEquals(DeliveryStatus.PENDING, one.get(0).deliveryStatus());
    }

    // --- retry chains: the sweeper's second index ------------------------------------------

    @Test
    void retryingEventIsInTheRetryIndexUnderItsDueTimeUntilItIsFinal() {
        WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        DeliveryAttempt failed = attempt(1, 500, null);
        Instant due = now.plusSeconds(5);
        events.recordAttempt(event.eventId(), failed, new DeliveryState(DeliveryStatus.RETRYING, List.of(failed),
                null, null, "http_500"), new NextAttempt(1, due));

        assertTrue(overdue(event, due).isEmpty(), "due at the cut-off: not yet overdue");
        OverdueRetry found = overdue(event, due.plusMillis(1)).orElseThrow();
        assertEquals(due, found.dueAt());
        assertEquals(1, found.schedulePosition());
        assertEquals(event.merchantId(), found.event().merchantId());
        assertEquals(DeliveryStatus.RETRYING, found.event().deliveryStatus());

        record(event, attempt(2, 200, null), DeliveryStatus.DELIVERED, null);

        assertTrue(overdue(event, due.plusSeconds(3600)).isEmpty());
        Map<String, AttributeValue> item = raw(event.eventId());
        for (String attribute : List.of("retry_key", "next_attempt_at", "schedule_position", "retry_chain")) {
            assertFalse(item.containsKey(attribute), attribute);
        }
    }

    @Test
    void attemptOutsideTheChainKeepsItsDueTimeOrStartsOneWhenThereIsNone() {
        WebhookEvent chained = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        DeliveryAttempt first = attempt(1, 500, null);
        events.recordAttempt(chained.eventId(), first, new DeliveryState(DeliveryStatus.RETRYING, List.of(first),
                null, null, "http_500"), new NextAttempt(2, now.plusSeconds(300)));
        WebhookEvent chainless = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));

        record(chained, attempt(2, 503, null), DeliveryStatus.RETRYING, "http_503");
        record(chainless, attempt(1, 503, null), DeliveryStatus.RETRYING, "http_503");

        OverdueRetry kept = overdue(chained, now.plusSeconds(301)).orElseThrow();
        assertEquals(now.plusSeconds(300), kept.dueAt());
        assertEquals(2, kept.schedulePosition());
        OverdueRetry started = overdue(chainless, now.plusSeconds(2)).orElseThrow();
        assertEquals(attempt(1, 503, null).at(), started.dueAt(), "a job is expected from the attempt on");
        assertEquals(0, started.schedulePosition());
    }

    @Test
    void resumingAChainTakesEffectOnlyIfNothingMovedAndThenOnlyItsJobGetsTheLease() {
        Instant due = now.plusSeconds(5);
        WebhookEvent moved = retrying(due);
        WebhookEvent leased = retrying(due);
        WebhookEvent lost = retrying(due);
        WebhookEvent delivered = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        record(delivered, attempt(1, 200, null), DeliveryStatus.DELIVERED, null);
        Instant sweep = due.plusSeconds(180);
        assertTrue(events.acquireLeaseForChain(leased.eventId(), null, sweep, sweep.plusSeconds(60)));

        assertFalse(events.resumeChain(moved.eventId(), due.minusMillis(1), "chn_a", sweep), "an attempt moved it");
        assertFalse(events.resumeChain(leased.eventId(), due, "chn_b", sweep), "its job is being delivered");
        assertFalse(events.resumeChain(delivered.eventId(), due, "chn_c", sweep), "not retrying");
        assertTrue(events.resumeChain(lost.eventId(), due, "chn_d", sweep));

        assertEquals(sweep, overdue(lost, sweep.plusMillis(1)).orElseThrow().dueAt(), "due now: the resumed job");
        assertFalse(events.acquireLeaseForChain(lost.eventId(), null, sweep, sweep.plusSeconds(60)), "the lost job, late");
        assertFalse(events.acquireLeaseForChain(lost.eventId(), "chn_other", sweep, sweep.plusSeconds(60)));
        assertTrue(events.acquireLeaseForChain(lost.eventId(), "chn_d", sweep, sweep.plusSeconds(60)));
        assertTrue(events.acquireLeaseForChain(moved.eventId(), null, sweep, sweep.plusSeconds(60)),
                "an event never resumed is leased by its first chain");
    }

    @Test
    void deadLetteringOrReopeningEndsTheChain() {
        WebhookEvent deadLettered = retrying(now.plusSeconds(5));
        WebhookEvent reopened = retrying(now.plusSeconds(5));
        assertTrue(events.resumeChain(deadLettered.eventId(), now.plusSeconds(5), "chn_e", now.plusSeconds(300)));

        assertTrue(events.markFailed(deadLettered.eventId(), now.plusSeconds(400), "retries_exhausted"));
        record(reopened, attempt(2, 200, null), DeliveryStatus.DELIVERED, null);
        assertTrue(events.reopenForRedelivery(reopened.eventId()));

        for (WebhookEvent event : List.of(deadLettered, reopened)) {
            assertTrue(overdue(event, now.plusSeconds(3600)).isEmpty());
            assertFalse(raw(event.eventId()).containsKey("retry_chain"));
        }
        assertTrue(events.acquireLeaseForChain(reopened.eventId(), null, now.plusSeconds(500), now.plusSeconds(560)),
                "the reopened event's new job is of the first chain again");
    }

    // --- the merchant's list ------------------------------------------------------------------

    @Test
    void merchantsEventsAreListedNewestFirstAcrossThreePages() {
        String merchant = AdapterTestData.merchantId();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.add(0, stored(WebhookTestEvents.pending(merchant, now.plusSeconds(i))).eventId());
        }
        stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now.plusSeconds(3)));

        WebhookEventPage first = events.listForMerchant(merchant, Mode.TEST, 3, null);
        WebhookEventPage second = events.listForMerchant(merchant, Mode.TEST, 3, first.nextCursor());
        WebhookEventPage third = events.listForMerchant(merchant, Mode.TEST, 3, second.nextCursor());

        assertNotNull(first.nextCursor());
        assertNotNull(second.nextCursor());
        assertNull(third.nextCursor(), "the last page says so");
        List<String> seen = new ArrayList<>();
        for (WebhookEventPage page : List.of(first, second, third)) {
            page.events().forEach(e -> seen.add(e.event().eventId()));
        }
        assertEquals(newestFirst, seen);
        assertEquals(List.of(3, 3, 1), List.of(first.events().size(), second.events().size(), third.events().size()));
    }

    @Test
    void lastFullPageSaysThereIsNoMore() {
        String merchant = AdapterTestData.merchantId();
        for (int i = 0; i < 6; i++) {
            stored(WebhookTestEvents.pending(merchant, now.plusSeconds(i)));
        }

        WebhookEventPage first = events.listForMerchant(merchant, Mode.TEST, 3, null);
        WebhookEventPage second = events.listForMerchant(merchant, Mode.TEST, 3, first.nextCursor());

        assertEquals(3, second.events().size());
        assertNull(second.nextCursor(), "has_more would promise a page that is empty");
    }

    @Test
    void cursorOfAnotherMerchantOrNotACursorIsABadParameter() {
        String mine = AdapterTestData.merchantId();
        String theirs = AdapterTestData.merchantId();
        stored(WebhookTestEvents.pending(mine, now));
        stored(WebhookTestEvents.pending(theirs, now));
        stored(WebhookTestEvents.pending(theirs, now.plusSeconds(1)));
        String theirCursor = events.listForMerchant(theirs, Mode.TEST, 1, null).nextCursor();
        assertNotNull(theirCursor);

        for (String cursor : new String[] {theirCursor, "garbage", "%%%", ""}) {
            ApiException e = assertThrows(ApiException.class, () -> events.listForMerchant(mine, Mode.TEST, 10, cursor), cursor);
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
            assertEquals("cursor", e.param());
        }
    }

    @Test
    void aListReadsOnlyItsModesEventsAndACursorWorksOnlyInItsMode() {
        String merchant = AdapterTestData.merchantId();
        List<String> testNewestFirst = new ArrayList<>();
        List<String> liveNewestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            testNewestFirst.add(0, stored(WebhookTestEvents.pending(merchant, Mode.TEST, now.plusSeconds(2 * i), null))
                    .eventId());
            liveNewestFirst.add(0, stored(WebhookTestEvents.pending(merchant, Mode.LIVE, now.plusSeconds(2 * i + 1),
                    null)).eventId());
        }

        WebhookEventPage test = events.listForMerchant(merchant, Mode.TEST, 2, null);
        WebhookEventPage testRest = events.listForMerchant(merchant, Mode.TEST, 2, test.nextCursor());
        WebhookEventPage live = events.listForMerchant(merchant, Mode.LIVE, 10, null);

        List<String> testSeen = new ArrayList<>();
        test.events().forEach(e -> testSeen.add(e.event().eventId()));
        testRest.events().forEach(e -> testSeen.add(e.event().eventId()));
        assertEquals(testNewestFirst, testSeen);
        assertEquals(liveNewestFirst, live.events().stream().map(e -> e.event().eventId()).toList());
        live.events().forEach(e -> assertEquals(Mode.LIVE, e.event().mode()));
        ApiException crossMode = assertThrows(ApiException.class,
                () -> events.listForMerchant(merchant, Mode.LIVE, 2, test.nextCursor()));
        assertEquals("cursor", crossMode.param());
    }

    /** An event stored before events carried their mode: found by id at once, listed once the backfill ran. */
    @Test
    void anEventStoredWithoutItsModeIsReadByIdAndListedAfterTheBackfill() {
        String merchant = AdapterTestData.merchantId();
        WebhookEvent event = WebhookTestEvents.pending(merchant, now, null);
        Map<String, AttributeValue> legacy = new java.util.HashMap<>(WebhookEventItems.toItem(event));
        legacy.remove("mode");
        legacy.remove(WebhookEventItems.MERCHANT_MODE);
        legacy.put("data", AttributeValue.fromS("{\"transaction_id\":\"" + event.transactionId()
                + "\",\"livemode\":false}"));
        dynamoDb.putItem(put -> put.tableName(table).item(legacy));

        assertEquals(Mode.TEST, events.findWithDelivery(event.eventId()).orElseThrow().event().mode());
        assertTrue(events.listForMerchant(merchant, Mode.TEST, 10, null).events().isEmpty(), "not in the index yet");

        int updated = new WebhookEventModeBackfill(dynamoDb, table).run();

        assertTrue(updated >= 1, "updated " + updated);
        assertEquals(List.of(event.eventId()), events.listForMerchant(merchant, Mode.TEST, 10, null).events().stream()
                .map(e -> e.event().eventId()).toList());
        assertTrue(events.listForMerchant(merchant, Mode.LIVE, 10, null).events().isEmpty());
        assertEquals(0, new WebhookEventModeBackfill(dynamoDb, table).run(), "a second run finds nothing to do");
    }

    @Test
    void merchantWithoutEventsHasAnEmptyLastPage() {
        WebhookEventPage page = events.listForMerchant(AdapterTestData.merchantId(), Mode.TEST, 20, null);

        assertTrue(page.events().isEmpty());
        assertNull(page.nextCursor());
    }

    // --- one transaction's events --------------------------------------------------------------

    @Test
    void aTransactionsEventsAreListedNewestFirstAcrossPagesAndNoOtherEvents() {
        String merchant = AdapterTestData.merchantId();
        WebhookEvent first = stored(WebhookTestEvents.pending(merchant, now));
        List<String> newestFirst = new ArrayList<>(List.of(first.eventId()));
        for (int i = 1; i <= 4; i++) {
            newestFirst.add(0, stored(sameTransaction(first, now.plusSeconds(i))).eventId());
        }
        stored(WebhookTestEvents.pending(merchant, now.plusSeconds(2)));

        WebhookEventPage page1 = events.listForTransaction(merchant, Mode.TEST, first.transactionId(), 2, null);
        WebhookEventPage page2 = events.listForTransaction(merchant, Mode.TEST, first.transactionId(), 2,
                page1.nextCursor());
        WebhookEventPage page3 = events.listForTransaction(merchant, Mode.TEST, first.transactionId(), 2,
                page2.nextCursor());

        List<String> seen = new ArrayList<>();
        for (WebhookEventPage page : List.of(page1, page2, page3)) {
            page.events().forEach(e -> seen.add(e.event().eventId()));
        }
        assertEquals(newestFirst, seen);
        assertNull(page3.nextCursor(), "the last page says so");
    }

    @Test
    void anotherMerchantsOrModesTransactionListsNothingAsAnUnknownIdDoes() {
        String owner = AdapterTestData.merchantId();
        WebhookEvent theirs = stored(WebhookTestEvents.pending(owner, now));
        stored(sameTransaction(theirs, now.plusSeconds(1)));

        WebhookEventPage otherMerchant = events.listForTransaction(AdapterTestData.merchantId(), Mode.TEST,
                theirs.transactionId(), 1, null);
        WebhookEventPage otherMode = events.listForTransaction(owner, Mode.LIVE, theirs.transactionId(), 1, null);
        WebhookEventPage unknown = events.listForTransaction(owner, Mode.TEST, "txn_" + "Z".repeat(24), 1, null);

        for (WebhookEventPage page : List.of(otherMerchant, otherMode, unknown)) {
            assertTrue(page.events().isEmpty());
            assertNull(page.nextCursor(), "no cursor that would show more exists");
        }
        assertEquals(2, events.listForTransaction(owner, Mode.TEST, theirs.transactionId(), 10, null).events().size());
    }

    @Test
    void aTransactionListsCursorWorksOnlyForItsMerchantModeAndTransaction() {
        String merchant = AdapterTestData.merchantId();
        WebhookEvent first = stored(WebhookTestEvents.pending(merchant, now));
        stored(sameTransaction(first, now.plusSeconds(1)));
        WebhookEvent other = stored(WebhookTestEvents.pending(merchant, now.plusSeconds(2)));
        stored(sameTransaction(other, now.plusSeconds(3)));
        String cursor = events.listForTransaction(merchant, Mode.TEST, first.transactionId(), 1, null).nextCursor();
        String wholeList = events.listForMerchant(merchant, Mode.TEST, 1, null).nextCursor();
        assertNotNull(cursor);

        List<Runnable> misuses = List.of(
                () -> events.listForTransaction(merchant, Mode.TEST, other.transactionId(), 1, cursor),
                () -> events.listForTransaction(merchant, Mode.LIVE, first.transactionId(), 1, cursor),
                () -> events.listForTransaction(AdapterTestData.merchantId(), Mode.TEST, first.transactionId(), 1, cursor),
                () -> events.listForMerchant(merchant, Mode.TEST, 1, cursor),
                () -> events.listForTransaction(merchant, Mode.TEST, first.transactionId(), 1, wholeList),
                () -> events.listForTransaction(merchant, Mode.TEST, first.transactionId(), 1, "garbage"));
        for (Runnable misuse : misuses) {
            ApiException e = assertThrows(ApiException.class, misuse::run);
            assertEquals("cursor", e.param());
        }
    }

    /** Every event ever stored carries transaction_id, so the index needs no backfill; test events carry none. */
    @Test
    void anEventWithoutATransactionIsStoredWithoutTheAttributeAndListedOnlyInTheWholeList() {
        String merchant = AdapterTestData.merchantId();
        WebhookEvent pending = WebhookTestEvents.pending(merchant, now);
        WebhookEvent noTransaction = stored(new WebhookEvent(pending.eventId(), merchant, Mode.TEST, null,
                pending.type(), now, Map.of("test", true), DeliveryStatus.PENDING, null));

        assertFalse(raw(noTransaction.eventId()).containsKey("transaction_id"));
        assertNull(events.findWithDelivery(noTransaction.eventId()).orElseThrow().event().transactionId());
        assertEquals(List.of(noTransaction.eventId()), events.listForMerchant(merchant, Mode.TEST, 10, null).events()
                .stream().map(e -> e.event().eventId()).toList());
    }

    // --- helpers ------------------------------------------------------------------------------

    private static WebhookEvent sameTransaction(WebhookEvent first, Instant createdAt) {
        WebhookEvent fresh = WebhookTestEvents.pending(first.merchantId(), first.mode(), createdAt, null);
        return new WebhookEvent(fresh.eventId(), first.merchantId(), first.mode(), first.transactionId(), fresh.type(),
                createdAt, first.data(), DeliveryStatus.PENDING, null);
    }

    private WebhookEvent stored(WebhookEvent event) {
        dynamoDb.putItem(put -> put.tableName(table).item(WebhookEventItems.toItem(event)));
        return event;
    }

    private void record(WebhookEvent event, DeliveryAttempt attempt, DeliveryStatus status, String error) {
        events.recordAttempt(event.eventId(), attempt, new DeliveryState(status, List.of(attempt),
                status == DeliveryStatus.DELIVERED ? attempt.at() : null,
                status == DeliveryStatus.FAILED ? attempt.at() : null, error));
    }

    /** A pending event whose first chain attempt failed; its job is due back at {@code due}. */
    private WebhookEvent retrying(Instant due) {
        WebhookEvent event = stored(WebhookTestEvents.pending(AdapterTestData.merchantId(), now));
        DeliveryAttempt failed = attempt(1, 500, null);
        events.recordAttempt(event.eventId(), failed, new DeliveryState(DeliveryStatus.RETRYING, List.of(failed),
                null, null, "http_500"), new NextAttempt(1, due));
        return event;
    }

    private Optional<OverdueRetry> overdue(WebhookEvent event, Instant dueBefore) {
        return events.findOverdueRetries(dueBefore, 100).stream()
                .filter(retry -> retry.event().eventId().equals(event.eventId()))
                .findFirst();
    }

    private DeliveryAttempt attempt(int number, Integer status, String error) {
        return new DeliveryAttempt(number, now.plusSeconds(number), URL, status, error, 25, null);
    }

    private boolean neverAttempted(WebhookEvent event) {
        return events.findNeverAttempted(event.createdAt().plusMillis(1), 100).stream()
                .anyMatch(e -> e.eventId().equals(event.eventId()));
    }

    private Map<String, AttributeValue> raw(String eventId) {
        return dynamoDb.getItem(get -> get.tableName(table).key(Map.of("event_id", AttributeValue.fromS(eventId)))
                .consistentRead(true)).item();
    }
}
