package com.circoflows.localrunner.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.LocalRunnerOptions;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.webhooks.ReceiverServer.Received;
import com.circoflows.localrunner.webhooks.WebhookStack.Merchant;
import com.circoflows.localrunner.webhooks.WebhookStack.Response;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import com.circoflows.testsupport.WebhookReceiver.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Failing endpoints: retried with every attempt on record, dead-lettered and marked failed when the
 * schedule runs out, redelivered on request, disabled by 410 Gone. The class's runner retries at once
 * (all 11 attempts of the schedule, as many as the queue's maxReceiveCount, are 0 s apart: the
 * schedule's arithmetic is RetryScheduleTest's) and its sweeper never finds an event old enough, so
 * every attempt here comes from the one job chain. Endpoints that recover after a while, with the
 * sweeper running, are {@link WebhookOutageIT}'s.
 */
@EndToEnd
class WebhookRetryIT extends OnWebhookStack {
    /** One entry per receive: the template's maxReceiveCount (11), each retried at once. */
    static final String IMMEDIATE_RETRY_SCHEDULE = String.join(",", Collections.nCopies(11, "0s"));
    private static final Duration SCHEDULE_RUNS_OUT = Duration.ofSeconds(30);

    @Override
    protected LocalRunnerOptions options() {
        return WebhookStack.fastOptions()
                .withEnvironmentOverride("WEBHOOK_RETRY_SCHEDULE", IMMEDIATE_RETRY_SCHEDULE)
                .withEnvironmentOverride("WEBHOOK_SWEEP_GRACE_SECONDS", "86400");
    }

    @Test
    void receiverFailsThreeTimesThenSucceeds() {
        Merchant merchant = stack.newMerchant("Flaky Endpoint Merchant");
        ReceiverServer receiver = receiver(Answering.sequence(500, 500, 500, 200));
        String url = receiver.url("/hooks/flaky");
        receiver.expectSecrets(merchant.createEndpoint(url));

        String transactionId = merchant.paySuccessfully("856", 5100);
        String eventId = merchant.eventIdFor(transactionId);

        JsonNode event = merchant.eventUntil(eventId, "delivered", Duration.ofSeconds(20),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        assertNoJobLeft(receiver, 4);

        List<Received> requests = receiver.requests();
        assertEquals(4, requests.size(), requests::toString);
        assertEquals(1, receiver.successfulDeliveries().size(), "exactly one successful delivery: " + requests);
        for (Received request : requests) {
            assertEquals(eventId, request.webhookId(), "every attempt is the same event: " + requests);
            assertEquals(List.of(), request.verification().problems(), "every attempt is signed: " + request);
        }
        event = merchant.event(eventId).data();
        assertEquals(4, event.path("attempt_count").asInt(), event.toString());
        assertNotNull(event.get("delivered_at"), event.toString());
        JsonNode attempts = event.path("attempts");
        assertEquals(4, attempts.size(), event.toString());
        List<Integer> statuses = new ArrayList<>();
        Instant previous = Instant.EPOCH;
        for (int i = 0; i < attempts.size(); i++) {
            JsonNode attempt = attempts.get(i);
            assertEquals(i + 1, attempt.path("number").asInt(), attempt.toString());
            assertEquals(url, attempt.path("url").asText(), attempt.toString());
            assertTrue(attempt.path("duration_ms").isIntegralNumber() && attempt.path("duration_ms").asLong() >= 0,
                    attempt.toString());
            Instant at = Instant.parse(attempt.path("at").asText());
            assertTrue(!at.isBefore(previous), "attempts in order: " + attempts);
            previous = at;
            statuses.add(attempt.path("http_status").asInt());
        }
        assertEquals(List.of(500, 500, 500, 200), statuses, attempts.toString());
        System.out.println("webhooks: flaky endpoint, gaps between attempts (ms): " + gaps(requests));
    }

    @Test
    void receiverAlwaysFailsIsDeadLetteredMarkedFailedThenRedeliveredOnRequest() {
        Merchant merchant = stack.newMerchant("Broken Endpoint Merchant");
        ReceiverServer receiver = receiver(Answering.always(503));
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/broken")));

        String transactionId = merchant.paySuccessfully("857", 5200);
        String eventId = merchant.eventIdFor(transactionId);
        long started = System.nanoTime();
        JsonNode failed = merchant.eventUntil(eventId, "failed after the whole schedule", SCHEDULE_RUNS_OUT,
                e -> "failed".equals(e.path("delivery_status").asText()));
        System.out.printf("webhooks: always-503 endpoint: event failed after %d ms and %d attempts%n",
                (System.nanoTime() - started) / 1_000_000, failed.path("attempt_count").asInt());

        assertEquals("retries_exhausted", failed.path("last_error").asText(), failed.toString());
        assertNotNull(failed.get("failed_at"), failed.toString());
        int attempts = failed.path("attempts").size();
        assertEquals(11, attempts, "one attempt per receive, maxReceiveCount 11: " + failed);
        for (JsonNode attempt : failed.path("attempts")) {
            assertEquals(503, attempt.path("http_status").asInt(), attempt.toString());
        }
        assertEquals(attempts, receiver.requests().size(), receiver.requests()::toString);
        assertNoJobLeft(receiver, attempts);

        receiver.answer(Answering.always(200));
        Response redeliver = merchant.redeliver(eventId);
        assertEquals(202, redeliver.status(), redeliver::describe);
        assertEquals(eventId, redeliver.data().path("event_id").asText(), redeliver::describe);

        JsonNode delivered = merchant.eventUntil(eventId, "delivered after redelivery", Duration.ofSeconds(10),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        assertEquals(attempts + 1, delivered.path("attempts").size(), "the history is kept: " + delivered);
        assertEquals(200, delivered.path("attempts").get(attempts).path("http_status").asInt(), delivered.toString());
        assertNoJobLeft(receiver, attempts + 1);
        assertEquals(1, receiver.successfulDeliveries().size(), receiver.requests()::toString);
        Received success = receiver.successfulDeliveries().get(0);
        assertEquals(eventId, success.webhookId());
        assertEquals(List.of(), success.verification().problems());
    }

    @Test
    void gone410DisablesTheEndpointUntilItIsSetAgain() {
        Merchant merchant = stack.newMerchant("Gone Endpoint Merchant");
        ReceiverServer receiver = receiver(Answering.always(410));
        String url = receiver.url("/hooks/gone");
        receiver.expectSecrets(merchant.createEndpoint(url));

        String goneEvent = merchant.eventIdFor(merchant.paySuccessfully("871", 5400));
        JsonNode gone = merchant.eventUntil(goneEvent, "failed by 410", Duration.ofSeconds(10),
                e -> "failed".equals(e.path("delivery_status").asText()));
        assertEquals(1, gone.path("attempts").size(), "410 is not retried: " + gone);
        assertEquals(410, gone.path("attempts").get(0).path("http_status").asInt(), gone.toString());
        assertTrue(gone.path("last_error").asText().startsWith("gone"), gone.toString());
        assertEquals(1, receiver.requests().size());

        String skippedEvent = merchant.eventIdFor(merchant.paySuccessfully("872", 5500));
        JsonNode skipped = merchant.eventUntil(skippedEvent, "failed: endpoint disabled", Duration.ofSeconds(10),
                e -> "failed".equals(e.path("delivery_status").asText()));
        assertTrue(skipped.path("last_error").asText().startsWith("endpoint_disabled"), skipped.toString());
        assertTrue(skipped.path("attempts").get(0).path("http_status").isNull(), "nothing was sent: " + skipped);
        assertNoJobLeft(receiver, 1);

        Response enabled = merchant.putEndpoint(url);
        assertEquals(200, enabled.status(), enabled::describe);
        assertEquals("enabled", enabled.data().path("status").asText(), enabled::describe);
        receiver.answer(Answering.always(200));
        String laterEvent = merchant.eventIdFor(merchant.paySuccessfully("873", 5600));
        merchant.eventUntil(laterEvent, "delivered once enabled again", Duration.ofSeconds(10),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        // The event missed while disabled is still there for the merchant to ask for.
        assertEquals(202, merchant.redeliver(skippedEvent).status());
        merchant.eventUntil(skippedEvent, "delivered on request", Duration.ofSeconds(10),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        assertNoJobLeft(receiver, 3);
        assertEquals(Set.of(laterEvent, skippedEvent), receiver.successfulDeliveries().stream()
                .map(Received::webhookId).collect(Collectors.toSet()));
        assertEquals(2, receiver.successfulDeliveries().size(), receiver.requests()::toString);
    }

    @Test
    void redirectsAnd4xxAreFailuresAndRedirectsAreNeverFollowed() {
        Merchant merchant = stack.newMerchant("Redirecting Endpoint Merchant");
        ReceiverServer receiver = receiver();
        String elsewhere = receiver.url("/hooks/elsewhere");
        receiver.answer(request -> switch (request.number()) {
            case 1 -> Reply.redirect(302, elsewhere);
            case 2 -> Reply.redirect(307, elsewhere);
            case 3 -> Reply.of(400);
            default -> Reply.of(204);
        });
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/moved")));

        String eventId = merchant.eventIdFor(merchant.paySuccessfully("893", 5700));
        JsonNode event = merchant.eventUntil(eventId, "delivered", Duration.ofSeconds(20),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        assertNoJobLeft(receiver, 4);

        List<Integer> statuses = new ArrayList<>();
        event.path("attempts").forEach(attempt -> statuses.add(attempt.path("http_status").asInt()));
        assertEquals(List.of(302, 307, 400, 204), statuses, "3xx and 4xx retried, 204 is success: " + event);
        assertEquals(List.of(), receiver.requestsTo("/hooks/elsewhere"), "a redirect is never followed");
        assertEquals(1, receiver.successfulDeliveries().size());
    }

    /** 2xx counts only within 10 s: a later answer is a timeout, and the event goes out again. */
    @Test
    void answerSlowerThanTenSecondsIsATimeoutAndRetried() {
        Merchant merchant = stack.newMerchant("Slow Endpoint Merchant");
        ReceiverServer receiver = receiver(request -> request.number() == 1 ? Reply.of(200).after(Duration.ofSeconds(11)) : Reply.of(200));
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/slow")));

        String eventId = merchant.eventIdFor(merchant.paySuccessfully("895", 5900));
        JsonNode event = merchant.eventUntil(eventId, "delivered on the retry", Duration.ofSeconds(25),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        JsonNode first = event.path("attempts").get(0);
        assertEquals("timeout", first.path("error").asText(), event.toString());
        // A lower bound only: the cut comes at the 10 s deadline, never before (a loaded machine may end it late).
        assertTrue(first.path("duration_ms").asLong() >= 9_000, "cut at 10 s: " + first);
        assertEquals(2, event.path("attempts").size(), event.toString());
        assertEquals(200, event.path("attempts").get(1).path("http_status").asInt(), event.toString());
        // The merchant saw the event twice, with one webhook-id to recognise it by.
        assertEquals(Set.of(eventId),
                receiver.requests().stream().map(Received::webhookId).collect(Collectors.toSet()));
    }

    @Test
    void aHugeAnswerIsReadOnlyInPart() {
        Merchant merchant = stack.newMerchant("Verbose Endpoint Merchant");
        ReceiverServer receiver = receiver(request -> Reply.withBody(200, 8 * 1024 * 1024));
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/verbose")));

        String eventId = merchant.eventIdFor(merchant.paySuccessfully("896", 6000));
        JsonNode event = merchant.eventUntil(eventId, "delivered", Duration.ofSeconds(10),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        JsonNode attempt = event.path("attempts").get(0);
        assertEquals(200, attempt.path("http_status").asInt(), event.toString());
        String snippet = attempt.path("response").asText("");
        assertTrue(!snippet.isEmpty() && snippet.length() <= 256 && snippet.chars().allMatch(c -> c == 'x'),
                "the start of the answer, capped: " + snippet.length() + " chars");
    }

    /**
     * What a careless endpoint answers (markup, a stack trace over many lines, control characters and
     * a card number) shows in the event's history as one short line with the card number masked, and
     * is stored nowhere in full (the class's card-data scan looks for that card number too).
     */
    @Test
    void aChattyAnswerIsShownAsOneShortLineWithTheCardNumberMasked() {
        Merchant merchant = stack.newMerchant("Chatty Endpoint Merchant");
        String pan = CardData.pan("5105105105105100");
        String answer = "<html>\r\n<script>alert(1)</script>\n\tpayment for card 5105 1051\n0510 5100 failed\u0000\u001b[0m\n"
                + "  at com.example.Hook.handle(Hook.java:42)\n".repeat(100) + "</html>";
        ReceiverServer receiver = receiver(request -> Reply.withText(500, answer));
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/chatty")));

        String eventId = merchant.eventIdFor(merchant.paySuccessfully("897", 6100));
        JsonNode event = merchant.eventUntil(eventId, "attempted", Duration.ofSeconds(10),
                e -> e.path("attempts").size() >= 1);

        String shown = event.path("attempts").get(0).path("response").asText();
        assertTrue(shown.startsWith("<html> <script>alert(1)</script> payment for card **** **** **** **** failed [0m "
                + "at com.example.Hook.handle(Hook.java:42) at"), shown);
        assertTrue(shown.length() <= 256, shown.length() + " characters");
        assertTrue(shown.chars().noneMatch(Character::isISOControl), shown);
        assertTrue(!shown.contains(pan.substring(0, 4)) && !shown.contains("0510 5100"), shown);
        // Its retries end here, so no job of this test is left on the queue the next test looks at.
        receiver.answer(Answering.always(200));
        merchant.eventUntil(eventId, "delivered once the endpoint recovers", Duration.ofSeconds(10),
                e -> "delivered".equals(e.path("delivery_status").asText()));
    }

    /**
     * Once no delivery job is left on either queue (a job being handled is in flight, so counted) and
     * the sweeper has nothing old enough to resend, nothing more can reach the receiver: its count is final.
     */
    private void assertNoJobLeft(ReceiverServer receiver, int expectedRequests) {
        assertNoJobLeft(stack, receiver, expectedRequests);
    }

    static void assertNoJobLeft(WebhookStack stack, ReceiverServer receiver, int expectedRequests) {
        Poll.until("no delivery job left on the webhook queue or its dead-letter queue", Duration.ofSeconds(20),
                () -> stack.messagesIn("WebhookQueue") + stack.messagesIn("WebhookDeadLetterQueue"), count -> count == 0);
        assertEquals(expectedRequests, receiver.requests().size(), receiver.requests()::toString);
    }

    private static List<Long> gaps(List<Received> requests) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add((requests.get(i).receivedNanos() - requests.get(i - 1).receivedNanos()) / 1_000_000);
        }
        return gaps;
    }
}
