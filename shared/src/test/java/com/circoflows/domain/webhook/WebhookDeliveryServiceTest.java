package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.json.Json;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionView;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.domain.webhook.signing.WebhookSigner;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.InMemoryWebhookEndpointRepository;
import com.circoflows.testing.InMemoryWebhookEventRepository;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.ScriptedWebhookTransport;
import com.circoflows.testing.TestClocks;
import com.circoflows.testing.WebhookTestEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@Isolated
class WebhookDeliveryServiceTest {
    /** Reads what was written as a tree, independently of the product's own JSON code. */
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final String MERCHANT = PaymentWorld.MERCHANT_A.merchantId();
    private static final String OTHER_MERCHANT = PaymentWorld.MERCHANT_B.merchantId();
    private static final String ENDPOINT_URL = "https://hooks.acme.example/circoflows";
    private static final String OWN_URL = "https://shop.acme.example/orders/hook";
    private static final Instant CREATED = TestClocks.NOW.minusSeconds(3);

    private final MutableClock clock = MutableClock.atTestNow();
    private final InMemoryWebhookEventRepository events = new InMemoryWebhookEventRepository();
    private final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
    private final ScriptedWebhookTransport transport = new ScriptedWebhookTransport();
    private final WebhookSecret secret = WebhookSecret.generate();
    private final WebhookDeliveryService service = service(RetrySchedule.production());
    private CapturedLog log;

    @BeforeEach
    void merchantHasAnEndpoint() {
        log = CapturedLog.start();
        endpoints.put(new WebhookEndpoint(MERCHANT, ENDPOINT_URL, secret, null, null, false, null));
    }

    @AfterEach
    void restoreLog() {
        log.close();
    }

    // --- success ------------------------------------------------------------------------------

    @Test
    void successfulPostMarksTheEventDeliveredRecordsOneAttemptAndEndsTheJob() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        transport.thenAnswer(TransportResult.response(204, 87, "thanks"));

        DeliveryDecision decision = service.deliver(event.eventId(), 1);

        assertEquals(DeliveryDecision.DONE, decision);
        StoredWebhookEvent after = events.stored(event.eventId());
        assertEquals(DeliveryStatus.DELIVERED, after.delivery().status());
        assertEquals(DeliveryStatus.DELIVERED, after.event().deliveryStatus());
        assertEquals(TestClocks.NOW, after.delivery().deliveredAt());
        assertNull(after.delivery().failedAt());
        assertNull(after.delivery().lastError());
        assertEquals(List.of(new DeliveryAttempt(1, TestClocks.NOW, ENDPOINT_URL, 204, null, 87, "thanks")),
                after.delivery().attempts());
        assertNull(events.leaseUntil(event.eventId()), "the lease is released");
        assertFalse(events.neverAttempted(event.eventId()), "the sweeper leaves it alone now");
        assertEquals(ENDPOINT_URL, transport.onlyRequest().url());
    }

    @Test
    void requestIsSignedAndXWebhookSignatureVerifiesOverExactlyTheBodySent() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));

        service.deliver(event.eventId(), 1);

        ScriptedWebhookTransport.Request request = transport.onlyRequest();
        assertEquals("application/json", request.header("content-type"));
        assertEquals(event.eventId(), request.header("webhook-id"));
        assertEquals(Long.toString(TestClocks.NOW.getEpochSecond()), request.header("webhook-timestamp"));
        // The reference's PHP: hash_hmac('sha256', $payload, $secret) === $_SERVER['HTTP_X_WEBHOOK_SIGNATURE']
        assertEquals(hexHmac(secret.value().getBytes(StandardCharsets.UTF_8), request.body()),
                request.header("x-webhook-signature"));
        assertTrue(request.header("x-webhook-signature").matches("[0-9a-f]{64}"));
        // Standard Webhooks: v1,<base64 HMAC of id.timestamp.body> keyed with the base64-decoded secret.
        assertEquals(List.of(standardSignature(secret, request)), signatures(request));
    }

    @Test
    void bodyIsIdTypeCreatedAtAndTheTransactionAsTheStatusEndpointShowsIt() throws Exception {
        PaymentWorld world = PaymentWorld.create();
        Transaction paid = world.pay(TestCards.SUCCESS).transaction();
        WebhookEvent event = stored(world.transactions.eventsFor(paid.transactionId()).get(0));

        service.deliver(event.eventId(), 1);

        JsonNode body = TREES.readTree(transport.onlyRequest().body());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "type", "created_at", "data"), fields);
        assertEquals(event.eventId(), body.get("id").asText());
        assertEquals("payment.succeeded", body.get("type").asText());
        assertEquals(TestClocks.NOW_TEXT, body.get("created_at").asText());
        assertEquals(TREES.readTree(Json.write(TransactionView.of(paid))), body.get("data"));
        assertFalse(transport.onlyRequest().body().contains(TestCards.SUCCESS), "no card number in a webhook");
    }

    @Test
    void failedPaymentEventCarriesTheError() throws Exception {
        PaymentWorld world = PaymentWorld.create();
        Transaction declined = world.pay(TestCards.DECLINED).transaction();
        WebhookEvent event = stored(world.transactions.eventsFor(declined.transactionId()).get(0));

        service.deliver(event.eventId(), 1);

        JsonNode body = TREES.readTree(transport.onlyRequest().body());
        assertEquals("payment.failed", body.get("type").asText());
        assertEquals("failed", body.get("data").get("status").asText());
        assertEquals("card_declined", body.get("data").get("error").get("code").asText());
    }

    @Test
    void transactionsOwnWebhookUrlWinsOverTheMerchantEndpoint() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED, OWN_URL));

        assertEquals(DeliveryDecision.DONE, service.deliver(event.eventId(), 1));

        ScriptedWebhookTransport.Request request = transport.onlyRequest();
        assertEquals(OWN_URL, request.url());
        assertEquals(hexHmac(secret.value().getBytes(StandardCharsets.UTF_8), request.body()),
                request.header("x-webhook-signature"), "signed with the merchant's secret all the same");
        assertEquals(OWN_URL, events.stored(event.eventId()).delivery().attempts().get(0).url());
    }

    // --- failures and retries -----------------------------------------------------------------

    @ParameterizedTest(name = "receive {0} fails -> attempt {0}+1 in {1} ±10%")
    @CsvSource({
        "1, PT5S",
        "2, PT5M",
        "3, PT30M",
        "4, PT2H",
        "5, PT5H",
        "6, PT10H",
        "7, PT12H",
        "10, PT12H",
    })
    void serverErrorIsRetriedAfterTheScheduledDelayOfTheNextAttempt(int receiveCount, Duration scheduled) {
        for (long seed = 0; seed < 20; seed++) {
            WebhookDeliveryService jittered = new WebhookDeliveryService(events, endpoints, transport,
                    new WebhookSigner(), RetrySchedule.production(), clock, new SplittableRandom(seed));
            WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
            transport.thenAnswer(TransportResult.response(500, 40, "oops"));

            DeliveryDecision decision = jittered.deliver(event.eventId(), receiveCount);

            Duration delay = assertInstanceOf(DeliveryDecision.RetryAfter.class, decision).delay();
            long low = Math.round(scheduled.toMillis() * 0.9);
            long high = Math.min(Math.round(scheduled.toMillis() * 1.1), Duration.ofHours(12).toMillis());
            assertTrue(delay.toMillis() >= low && delay.toMillis() <= high, delay + " not within ±10% of " + scheduled);
            StoredWebhookEvent after = events.stored(event.eventId());
            assertEquals(DeliveryStatus.RETRYING, after.delivery().status());
            assertEquals("http_500", after.delivery().lastError());
            assertEquals(List.of(new DeliveryAttempt(1, TestClocks.NOW, ENDPOINT_URL, 500, null, 40, "oops")),
                    after.delivery().attempts());
            assertNull(events.leaseUntil(event.eventId()), "the next receive must be able to take the lease");
        }
    }

    static Stream<Arguments> failuresThatAreRetried() {
        return Stream.of(
                Arguments.of(TransportResult.failure("timeout", 10_000), "timeout"),
                Arguments.of(TransportResult.failure("connection_refused", 3), "connection_refused"),
                Arguments.of(TransportResult.failure("ssrf_blocked: 10.0.0.1", 1), "ssrf_blocked: 10.0.0.1"),
                Arguments.of(TransportResult.response(301, 20, null), "http_301"),
                Arguments.of(TransportResult.response(400, 20, "bad"), "http_400"),
                Arguments.of(TransportResult.response(404, 20, "nope"), "http_404"),
                Arguments.of(TransportResult.response(429, 20, "slow down"), "http_429"),
                Arguments.of(TransportResult.response(503, 20, "down"), "http_503"));
    }

    @ParameterizedTest
    @MethodSource("failuresThatAreRetried")
    void timeoutsConnectionErrorsRedirectsAndErrorStatusesAreRetried(TransportResult result, String lastError) {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        transport.thenAnswer(result);

        DeliveryDecision decision = service.deliver(event.eventId(), 1);

        assertInstanceOf(DeliveryDecision.RetryAfter.class, decision);
        StoredWebhookEvent after = events.stored(event.eventId());
        assertEquals(DeliveryStatus.RETRYING, after.delivery().status());
        assertEquals(lastError, after.delivery().lastError());
        DeliveryAttempt attempt = after.delivery().attempts().get(0);
        assertEquals(result.httpStatus(), attempt.httpStatus());
        assertEquals(result.error(), attempt.error());
        assertEquals(result.durationMillis(), attempt.durationMillis());
        assertNull(after.delivery().deliveredAt());
        assertNull(after.delivery().failedAt());
    }

    @Test
    void retriesAppendAttemptsInOrderAndASuccessEndsThem() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        transport.thenAnswer(ScriptedWebhookTransport.error("timeout"), ScriptedWebhookTransport.status(502),
                ScriptedWebhookTransport.ok());

        assertInstanceOf(DeliveryDecision.RetryAfter.class, service.deliver(event.eventId(), 1));
        clock.advance(Duration.ofSeconds(5));
        assertInstanceOf(DeliveryDecision.RetryAfter.class, service.deliver(event.eventId(), 2));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(DeliveryDecision.DONE, service.deliver(event.eventId(), 3));

        StoredWebhookEvent after = events.stored(event.eventId());
        assertEquals(DeliveryStatus.DELIVERED, after.delivery().status());
        assertEquals(List.of(1, 2, 3), after.delivery().attempts().stream().map(DeliveryAttempt::number).toList());
        assertEquals("timeout", after.delivery().attempts().get(0).error());
        assertEquals(502, after.delivery().attempts().get(1).httpStatus());
        assertEquals(200, after.delivery().attempts().get(2).httpStatus());
        assertEquals(TestClocks.NOW.plus(Duration.ofSeconds(305)), after.delivery().deliveredAt());
        assertNull(after.delivery().lastError(), "delivered: no error to show any more");
        assertEquals(3, transport.requestsFor(event.eventId()).size());
        assertEquals(1, transport.requests().stream().map(r -> r.header("webhook-id")).distinct().count(),
                "every retry carries the same webhook-id, so the merchant can deduplicate");
    }

    @Test
    void pastTheLastAttemptTheJobComesBackInOneSecondToBeDeadLetteredAndTheEventStaysRetrying() {
        RetrySchedule schedule = RetrySchedule.production();
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        transport.thenAnswer(ScriptedWebhookTransport.status(500));

        DeliveryDecision decision = service.deliver(event.eventId(), schedule.attempts());

        assertEquals(new DeliveryDecision.RetryAfter(Duration.ofSeconds(1)), decision);
        assertEquals(DeliveryStatus.RETRYING, events.stored(event.eventId()).delivery().status());
    }

    @Test
    void shortTestScheduleIsFollowedToTheEnd() {
        WebhookDeliveryService quick = service(RetrySchedule.parse("0s,1s,2s"));
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        transport.otherwiseAnswer(ScriptedWebhookTransport.status(500));

        Duration first = retryDelay(quick.deliver(event.eventId(), 1));
        Duration second = retryDelay(quick.deliver(event.eventId(), 2));
        Duration last = retryDelay(quick.deliver(event.eventId(), 3));

        assertTrue(first.toMillis() >= 900 && first.toMillis() <= 1100, first.toString());
        assertTrue(second.toMillis() >= 1800 && second.toMillis() <= 2200, second.toString());
        assertEquals(Duration.ofSeconds(1), last);
        assertEquals(3, events.stored(event.eventId()).delivery().attempts().size());
    }

    @Test
    void subSecondRetryIsLoggedAsOneSecondNotZero() {
        java.util.random.RandomGenerator mostNegativeJitter = new java.util.random.RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble(double origin, double bound) {
                return origin;
            }
        };
        WebhookDeliveryService quick = new WebhookDeliveryService(events, endpoints, transport, new WebhookSigner(),
                RetrySchedule.parse("0s,1s,2s"), clock, mostNegativeJitter);
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        transport.otherwiseAnswer(ScriptedWebhookTransport.status(500));

        Duration delay = retryDelay(quick.deliver(event.eventId(), 1));

        assertEquals(Duration.ofMillis(900), delay);
        assertTrue(log.text().contains("\"next_in_s\":1"), log.text());
        assertFalse(log.text().contains("\"next_in_s\":0"), log.text());
    }

    @Test
    void retryDecisionRoundsPartSecondsUpForTheQueue() {
        assertEquals(1, new DeliveryDecision.RetryAfter(Duration.ofMillis(1)).seconds());
        assertEquals(1, new DeliveryDecision.RetryAfter(Duration.ofMillis(1000)).seconds());
        assertEquals(2, new DeliveryDecision.RetryAfter(Duration.ofMillis(1001)).seconds());
        assertEquals(0, new DeliveryDecision.RetryAfter(Duration.ZERO).seconds());
    }

    // --- 410 Gone and disabled endpoints ------------------------------------------------------

    @Test
    void goneFromTheMerchantEndpointDisablesItAndFailsTheEvent() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        transport.thenAnswer(TransportResult.response(410, 30, "gone"));

        DeliveryDecision decision = service.deliver(event.eventId(), 1);

        assertEquals(DeliveryDecision.DONE, decision);
        WebhookEndpoint endpoint = endpoints.stored(MERCHANT);
        assertTrue(endpoint.disabled());
        assertTrue(endpoint.disabledReason().contains("410"), endpoint.disabledReason());
        StoredWebhookEvent after = events.stored(event.eventId());
        assertEquals(DeliveryStatus.FAILED, after.delivery().status());
        assertEquals(TestClocks.NOW, after.delivery().failedAt());
        assertTrue(after.delivery().lastError().startsWith("gone"), after.delivery().lastError());
        assertEquals(410, after.delivery().attempts().get(0).httpStatus());
    }

    @Test
    void laterEventsToADisabledEndpointFailAtOnceWithEndpointDisabled() {
        WebhookEvent first = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        transport.thenAnswer(ScriptedWebhookTransport.status(410));
        service.deliver(first.eventId(), 1);
        WebhookEvent later = stored(WebhookTestEvents.pending(MERCHANT, CREATED.plusSeconds(1)));

        DeliveryDecision decision = service.deliver(later.eventId(), 1);

        assertEquals(DeliveryDecision.DONE, decision);
        assertEquals(1, transport.requests().size(), "nothing was posted to the disabled endpoint");
        StoredWebhookEvent after = events.stored(later.eventId());
        assertEquals(DeliveryStatus.FAILED, after.delivery().status());
        assertTrue(after.delivery().lastError().startsWith("endpoint_disabled"), after.delivery().lastError());
        DeliveryAttempt attempt = after.delivery().attempts().get(0);
        assertNull(attempt.httpStatus());
        assertTrue(attempt.error().startsWith("endpoint_disabled"));
        assertEquals(ENDPOINT_URL, attempt.url());
    }

    @Test
    void aDisabledMerchantEndpointDoesNotStopEventsThatCarryTheirOwnUrl() {
        endpoints.disable(MERCHANT, "410 Gone earlier");
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED, OWN_URL));

        assertEquals(DeliveryDecision.DONE, service.deliver(event.eventId(), 1));

        assertEquals(OWN_URL, transport.onlyRequest().url());
        assertEquals(DeliveryStatus.DELIVERED, events.stored(event.eventId()).delivery().status());
    }

    @Test
    void settingTheUrlAgainReenablesDelivery() {
        endpoints.disable(MERCHANT, "410 Gone earlier");
        endpoints.setUrl(MERCHANT, ENDPOINT_URL, WebhookSecret.generate());
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));

        service.deliver(event.eventId(), 1);

        assertEquals(DeliveryStatus.DELIVERED, events.stored(event.eventId()).delivery().status());
        assertEquals(hexHmac(secret.value().getBytes(StandardCharsets.UTF_8), transport.onlyRequest().body()),
                transport.onlyRequest().header("x-webhook-signature"), "the secret survives setting the URL");
    }

    @Test
    void goneFromTheTransactionsOwnUrlFailsTheEventButLeavesTheMerchantEndpointEnabled() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED, OWN_URL));
        transport.thenAnswer(ScriptedWebhookTransport.status(410));

        assertEquals(DeliveryDecision.DONE, service.deliver(event.eventId(), 1));

        assertEquals(DeliveryStatus.FAILED, events.stored(event.eventId()).delivery().status());
        assertFalse(endpoints.stored(MERCHANT).disabled());
        assertEquals(0, endpoints.disableCalls());
    }

    // --- nothing to deliver to ----------------------------------------------------------------

    @Test
    void noEndpointAndNoOwnUrlFailsTheEventWithNoEndpoint() {
        WebhookEvent event = stored(WebhookTestEvents.pending(OTHER_MERCHANT, CREATED));

        assertEquals(DeliveryDecision.DONE, service.deliver(event.eventId(), 1));

        assertTrue(transport.requests().isEmpty());
        StoredWebhookEvent after = events.stored(event.eventId());
        assertEquals(DeliveryStatus.FAILED, after.delivery().status());
        assertTrue(after.delivery().lastError().startsWith("no_endpoint"), after.delivery().lastError());
        assertEquals(1, after.delivery().attempts().size());
        assertNull(after.delivery().attempts().get(0).url());
    }

    /** A merchant created before every merchant got its signing secret at creation, paying with its own webhook_url. */
    @Test
    void aMerchantWithoutASigningSecretGetsOneAtItsFirstDeliveryAndTheWebhookIsSignedWithIt() {
        WebhookEvent event = stored(WebhookTestEvents.pending(OTHER_MERCHANT, CREATED, OWN_URL));

        assertEquals(DeliveryDecision.DONE, service.deliver(event.eventId(), 1));

        ScriptedWebhookTransport.Request sent = transport.requestsFor(event.eventId()).get(0);
        WebhookSecret created = endpoints.stored(OTHER_MERCHANT).secret();
        assertEquals(OWN_URL, sent.url());
        assertEquals(hexHmac(created.value().getBytes(StandardCharsets.UTF_8), sent.body()),
                sent.header("x-webhook-signature"), "signed with the secret stored for the merchant");
        assertEquals(List.of(standardSignature(created, sent)), signatures(sent));
        assertNull(endpoints.stored(OTHER_MERCHANT).url(), "no endpoint was set on the way");
        assertEquals(DeliveryStatus.DELIVERED, events.stored(event.eventId()).delivery().status());
    }

    // --- jobs with nothing left to do ---------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = DeliveryStatus.class, names = {"DELIVERED", "FAILED"})
    void finalEventIsDoneWithoutPosting(DeliveryStatus finalStatus) {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        transport.thenAnswer(finalStatus == DeliveryStatus.DELIVERED
                ? ScriptedWebhookTransport.ok() : ScriptedWebhookTransport.status(410));
        service.deliver(event.eventId(), 1);
        endpoints.put(new WebhookEndpoint(MERCHANT, ENDPOINT_URL, secret, null, null, false, null));
        StoredWebhookEvent before = events.stored(event.eventId());
        assertEquals(finalStatus, before.delivery().status());

        DeliveryDecision decision = service.deliver(event.eventId(), 2);

        assertEquals(DeliveryDecision.DONE, decision);
        assertEquals(1, transport.requests().size(), "the duplicate job posted nothing");
        assertEquals(before, events.stored(event.eventId()));
    }

    @Test
    void unknownEventIsDone() {
        assertEquals(DeliveryDecision.DONE, service.deliver("evt_000000000000000000000000", 1));
        assertTrue(transport.requests().isEmpty());
    }

    @Test
    void eventLeasedByAnotherDeliveryIsLeftToItWithoutPosting() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        assertTrue(events.acquireLease(event.eventId(), TestClocks.NOW, TestClocks.NOW.plusSeconds(60)));

        DeliveryDecision decision = service.deliver(event.eventId(), 1);

        assertEquals(DeliveryDecision.DONE, decision);
        assertTrue(transport.requests().isEmpty());
        StoredWebhookEvent after = events.stored(event.eventId());
        assertEquals(DeliveryStatus.PENDING, after.delivery().status());
        assertTrue(after.delivery().attempts().isEmpty());
    }

    @Test
    void leaseOfADeliveryThatDiedExpiresAndTheEventIsDeliveredAgain() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        assertTrue(events.acquireLease(event.eventId(), TestClocks.NOW, TestClocks.NOW.plusSeconds(60)));
        clock.advance(Duration.ofSeconds(61));

        assertEquals(DeliveryDecision.DONE, service.deliver(event.eventId(), 2));

        assertEquals(1, transport.requests().size());
        assertEquals(DeliveryStatus.DELIVERED, events.stored(event.eventId()).delivery().status());
    }

    @Test
    void attemptIsNumberedFromTheHistoryAsItIsWhenTheLeaseIsTaken() {
        WebhookEvent event = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        // A duplicate job, handled in parallel, fails its attempt 1 after we read the event but before our lease.
        events.beforeNextLease(repo -> repo.recordAttempt(event.eventId(),
                new DeliveryAttempt(1, TestClocks.NOW, ENDPOINT_URL, 500, null, 30, null),
                new DeliveryState(DeliveryStatus.RETRYING, List.of(), null, null, "http_500")));

        service.deliver(event.eventId(), 1);

        assertEquals(List.of(1, 2), events.stored(event.eventId()).delivery().attempts().stream()
                .map(DeliveryAttempt::number).toList());
    }

    // --- secret rotation ----------------------------------------------------------------------

    @Test
    void duringRotationBothSecretsSignAndAfterTheOverlapOnlyTheNewOne() {
        WebhookSecret previous = WebhookSecret.generate();
        Instant expires = TestClocks.NOW.plus(Duration.ofHours(24));
        endpoints.put(new WebhookEndpoint(MERCHANT, ENDPOINT_URL, secret, previous, expires, false, null));
        WebhookEvent during = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        WebhookEvent after = stored(WebhookTestEvents.pending(MERCHANT, CREATED.plusSeconds(1)));

        service.deliver(during.eventId(), 1);
        clock.set(expires);
        service.deliver(after.eventId(), 1);

        ScriptedWebhookTransport.Request first = transport.requestsFor(during.eventId()).get(0);
        assertEquals(List.of(standardSignature(secret, first), standardSignature(previous, first)), signatures(first));
        assertEquals(hexHmac(previous.value().getBytes(StandardCharsets.UTF_8), first.body()),
                first.header("x-webhook-signature"), "the reference header carries the secret deployed before");
        ScriptedWebhookTransport.Request second = transport.requestsFor(after.eventId()).get(0);
        assertEquals(List.of(standardSignature(secret, second)), signatures(second));
        assertEquals(hexHmac(secret.value().getBytes(StandardCharsets.UTF_8), second.body()),
                second.header("x-webhook-signature"), "after the window, the new secret's");
        assertFalse(second.header("webhook-signature").contains(standardSignature(previous, second)));
    }

    @Test
    void eachPostIsCountedAsAnAttemptAndAsAFailureUnlessItAnswered2xx() {
        com.circoflows.testing.RecordingMetrics metrics = new com.circoflows.testing.RecordingMetrics();
        WebhookDeliveryService counted = new WebhookDeliveryService(events, endpoints, transport, new WebhookSigner(),
                RetrySchedule.production(), clock, new SplittableRandom(42), metrics);
        WebhookEvent failing = stored(WebhookTestEvents.pending(MERCHANT, CREATED));
        transport.thenAnswer(TransportResult.response(500, 40, "oops"));
        counted.deliver(failing.eventId(), 1);
        transport.thenAnswer(TransportResult.response(204, 12, ""));
        counted.deliver(failing.eventId(), 2);

        assertEquals(List.of("webhook failed", "webhook delivered"), metrics.recorded());
    }

    // --- helpers ------------------------------------------------------------------------------

    private WebhookDeliveryService service(RetrySchedule schedule) {
        return new WebhookDeliveryService(events, endpoints, transport, new WebhookSigner(), schedule, clock,
                new SplittableRandom(42));
    }

    private WebhookEvent stored(WebhookEvent event) {
        events.add(event);
        return event;
    }

    private static Duration retryDelay(DeliveryDecision decision) {
        return assertInstanceOf(DeliveryDecision.RetryAfter.class, decision).delay();
    }

    private static List<String> signatures(ScriptedWebhookTransport.Request request) {
        String header = request.header("webhook-signature");
        assertNotNull(header, "no webhook-signature header");
        return List.of(header.split(" "));
    }

    /** Standard Webhooks, written from the spec: HMAC-SHA256 keyed with base64(secret without whsec_). */
    private static String standardSignature(WebhookSecret secret, ScriptedWebhookTransport.Request request) {
        byte[] key = Base64.getDecoder().decode(secret.value().substring("whsec_".length()));
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hexHmac(byte[] key, String body) {
        StringBuilder hex = new StringBuilder();
        for (byte b : hmac(key, body.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b & 0xff));
        }
        return hex.toString();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
