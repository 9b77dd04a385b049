package com.circoflows.localrunner.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.webhooks.ReceiverServer.Received;
import com.circoflows.localrunner.webhooks.WebhookStack.Merchant;
import com.circoflows.localrunner.webhooks.WebhookStack.Response;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import com.circoflows.testsupport.WebhookReceiver.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Endpoints that come back: an outage that ends loses nothing and delivers nothing twice, and a retry
 * goes wherever the merchant has pointed the endpoint meanwhile. These need time between attempts, so
 * the class keeps the fast schedule (11 attempts a second apart) with the sweeper running every second.
 */
@EndToEnd
class WebhookOutageIT extends OnWebhookStack {
    @Test
    void receiverDownForAWhileGetsEveryEventExactlyOnce() {
        Merchant merchant = stack.newMerchant("Outage Merchant");
        AtomicBoolean down = new AtomicBoolean(true);
        ReceiverServer receiver = receiver(request -> Reply.of(down.get() ? 503 : 200));
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/outage")));

        long outageStarted = System.nanoTime();
        List<String> transactions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            transactions.add(merchant.paySuccessfully(String.valueOf(861 + i), 5300 + i));
        }
        Map<String, String> eventByTransaction = eventIdsByTransaction(merchant, transactions);
        Set<String> events = new LinkedHashSet<>(eventByTransaction.values());
        assertEquals(10, events.size(), eventByTransaction::toString);

        // The outage lasts at least 3 s, and until every event has been refused twice (retried during it).
        Poll.until("every event refused twice and 3 s of outage", Duration.ofSeconds(20), () -> receiver.requests(),
                requests -> events.stream().allMatch(eventId -> requests.stream()
                        .filter(request -> eventId.equals(request.webhookId())).count() >= 2)
                        && System.nanoTime() - outageStarted >= Duration.ofSeconds(3).toNanos());
        down.set(false);
        Duration outage = Duration.ofNanos(System.nanoTime() - outageStarted);

        for (String eventId : events) {
            merchant.eventUntil(eventId, "delivered after the outage", Duration.ofSeconds(20),
                    e -> "delivered".equals(e.path("delivery_status").asText()));
        }
        WebhookRetryIT.assertNoJobLeft(stack, receiver, receiver.requests().size());

        Map<String, Integer> successesPerEvent = new TreeMap<>();
        for (Received delivery : receiver.successfulDeliveries()) {
            successesPerEvent.merge(delivery.webhookId(), 1, Integer::sum);
            assertEquals(List.of(), delivery.verification().problems(), delivery::toString);
            JsonNode body = WebhookStack.parse(delivery.bodyText());
            assertEquals(delivery.webhookId(), body.path("id").asText());
            assertEquals(eventByTransaction.get(body.path("data").path("transaction_id").asText()),
                    delivery.webhookId(), "each event announces its own transaction");
        }
        Map<String, Integer> expected = new TreeMap<>();
        events.forEach(eventId -> expected.put(eventId, 1));
        System.out.printf("webhooks: outage of %d ms: %d refused requests, then %d successful deliveries for %d "
                + "events%n", outage.toMillis(),
                receiver.requests().stream().filter(request -> request.answeredStatus() == 503).count(),
                receiver.successfulDeliveries().size(), events.size());
        assertEquals(expected, successesPerEvent, "each event exactly once among the 2xx deliveries");
    }


    @Test
    void connectionRefusedIsRetriedAndTheRetryGoesToTheEndpointSetMeanwhile() throws Exception {
        Merchant merchant = stack.newMerchant("Moving Endpoint Merchant");
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        String secret = merchant.createEndpoint("http://127.0.0.1:" + closedPort + "/hooks/nobody-home");
        String eventId = merchant.eventIdFor(merchant.paySuccessfully("894", 5800));
        JsonNode refused = merchant.eventUntil(eventId, "a refused attempt", Duration.ofSeconds(10),
                e -> e.path("attempts").size() >= 1);
        assertEquals("connection_refused", refused.path("attempts").get(0).path("error").asText(), refused.toString());
        assertTrue(refused.path("attempts").get(0).path("http_status").isNull(), refused.toString());

        ReceiverServer receiver = receiver(Answering.always(200));
        receiver.expectSecrets(secret);
        assertEquals(200, merchant.putEndpoint(receiver.url("/hooks/new-home")).status());
        JsonNode delivered = merchant.eventUntil(eventId, "delivered to the new endpoint", Duration.ofSeconds(20),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        JsonNode last = delivered.path("attempts").get(delivered.path("attempts").size() - 1);
        assertEquals(receiver.url("/hooks/new-home"), last.path("url").asText(), delivered.toString());
        assertEquals(1, receiver.requests().size());
        assertEquals(eventId, receiver.requests().get(0).webhookId());
        assertEquals(List.of(), receiver.requests().get(0).verification().problems());
    }

    private static Map<String, String> eventIdsByTransaction(Merchant merchant, List<String> transactions) {
        return Poll.until("an event for each of " + transactions.size() + " payments", Duration.ofSeconds(10), () -> {
            Response list = merchant.events("limit=100");
            assertEquals(200, list.status(), list::describe);
            Map<String, String> found = new LinkedHashMap<>();
            for (JsonNode event : list.data().path("events")) {
                found.put(event.path("transaction_id").asText(), event.path("event_id").asText());
            }
            found.keySet().retainAll(transactions);
            return found;
        }, found -> found.size() == transactions.size());
    }
}
