package com.circoflows.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.client.WebhookInbox.Delivery;
import com.circoflows.client.model.CardPaymentParams;
import com.circoflows.client.model.DeliveryAttempt;
import com.circoflows.client.model.EventListParams;
import com.circoflows.client.model.Payment;
import com.circoflows.client.model.WebhookEndpoint;
import com.circoflows.client.model.WebhookEventSummary;
import com.circoflows.client.model.WebhookSecretRotation;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.E2e.TestMerchant;
import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks as a merchant receives them: the local runner's real deliveries, to a {@link WebhookInbox} set
 * as the endpoint (or as a payment's own webhook_url), verify with {@link Webhooks#verify}, with its
 * legacy {@code X-Webhook-Signature} option, and with the official Standard Webhooks Java library
 * ({@code com.standardwebhooks:standardwebhooks}, as docs/webhooks.md tells merchants they may use);
 * across a secret rotation either secret verifies until the previous one is expired. The events API
 * lists, shows and redelivers what was sent.
 */
@ExtendWith(SharedLocalRunner.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientWebhooksIT {
    private static final String SUCCESS_CARD = "4242424242424242";

    private final E2e e2e;
    private final TestMerchant merchant;
    private final CircoFlowsClient client;
    private final WebhookInbox inbox = WebhookInbox.start();

    ClientWebhooksIT(E2e e2e) {
        this.e2e = e2e;
        this.merchant = e2e.newMerchant("Client Webhooks Merchant");
        this.client = clientWith(merchant.apiKey());
        WebhookEndpoint endpoint = client.webhookEndpoint().set(inbox.url("/hooks"));
        assertEquals(inbox.url("/hooks"), endpoint.getUrl());
        assertEquals("enabled", endpoint.getStatus());
        assertNull(endpoint.getSecret(), "the secret came with the merchant, not with its endpoint");
    }

    @AfterAll
    void stopInbox() {
        inbox.close();
    }

    @Test
    void aPaymentsDeliveryVerifiesWithTheClientItsLegacyOptionAndTheStandardWebhooksLibrary() {
        Payment paid = client.payments().create(card(2100));
        Delivery delivery = inbox.awaitEvent("payment.succeeded", paid.getTransactionId());

        WebhookEvent event = Webhooks.verify(delivery.body(), delivery.headers(), merchant.webhookSecret());

        assertEquals("payment.succeeded", event.getType());
        assertEquals(delivery.webhookId(), event.getId());
        assertTrue(event.getCreatedAt().isAfter(Instant.now().minus(Duration.ofMinutes(1))), event::toString);
        Payment data = event.getDataAs(Payment.class);
        assertEquals(paid.getTransactionId(), data.getTransactionId());
        assertEquals("completed", data.getStatus());
        assertEquals(2100L, data.getAmount());
        assertEquals("4242", data.getCard().getLast4());
        assertEquals(event.getId(), Webhooks.verifier().legacySignature(true).build()
                .verify(delivery.body(), delivery.headers(), merchant.webhookSecret()).getId());
        assertDoesNotThrow(() -> new Webhook(merchant.webhookSecret()).verify(delivery.body(), delivery.headerValues()));
    }

    @Test
    void aChangedBodyOrAnotherSecretIsRefusedByTheClientAndTheStandardWebhooksLibrary() {
        Payment paid = client.payments().create(card(2200));
        Delivery delivery = inbox.awaitEvent("payment.succeeded", paid.getTransactionId());
        String forged = delivery.body().replace("\"amount\":2200", "\"amount\":1");
        assertNotEquals(delivery.body(), forged);
        String anotherSecret = e2e.newMerchant("Client Webhooks Other Merchant").webhookSecret();

        assertThrows(WebhookVerificationException.class,
                () -> Webhooks.verify(forged, delivery.headers(), merchant.webhookSecret()));
        assertThrows(WebhookVerificationException.class,
                () -> Webhooks.verify(delivery.body(), delivery.headers(), anotherSecret));
        assertThrows(WebhookVerificationException.class, () -> Webhooks.verifier().legacySignature(true).build()
                .verify(forged, delivery.headers(), merchant.webhookSecret()));
        assertThrows(com.standardwebhooks.exceptions.WebhookVerificationException.class,
                () -> new Webhook(merchant.webhookSecret()).verify(forged, delivery.headerValues()));
        assertThrows(com.standardwebhooks.exceptions.WebhookVerificationException.class,
                () -> new Webhook(anotherSecret).verify(delivery.body(), delivery.headerValues()));
    }

    @Test
    void aPaymentsOwnWebhookUrlGetsItsEventsSignedWithTheMerchantsSecret() {
        Payment paid = client.payments().create(CardPaymentParams.builder().amount(2300).currency("USD")
                .cardNumber(SUCCESS_CARD).expiry(12, Year.now().getValue() + 3).cvv("123")
                .webhookUrl(inbox.url("/orders/2300")).build());

        Delivery delivery = inbox.awaitEvent("payment.succeeded", paid.getTransactionId());

        assertEquals("/orders/2300", delivery.path());
        assertEquals(paid.getTransactionId(), Webhooks.verify(delivery.body(), delivery.headers(),
                merchant.webhookSecret()).getDataAs(Payment.class).getTransactionId());
    }

    @Test
    void eventsAreListedShownWithTheirAttemptsAndRedeliveredUnderTheSameId() {
        Payment paid = client.payments().create(card(2400));
        Delivery first = inbox.awaitEvent("payment.succeeded", paid.getTransactionId());
        EventListParams paymentsEvents = EventListParams.builder().transactionId(paid.getTransactionId()).build();

        WebhookEventSummary listed = Eventually.until("the event delivered", Duration.ofSeconds(15),
                () -> eventsOf(paymentsEvents).stream().filter(e -> e.getEventId().equals(first.webhookId()))
                        .findFirst().orElse(null),
                e -> e != null && "delivered".equals(e.getDeliveryStatus()));
        WebhookEventDetail shown = client.events().retrieve(listed.getEventId());

        assertEquals("payment.succeeded", listed.getType());
        assertEquals(paid.getTransactionId(), listed.getTransactionId());
        assertEquals(1, listed.getAttemptCount());
        assertEquals(1, shown.getAttempts().size());
        DeliveryAttempt attempt = shown.getAttempts().get(0);
        assertEquals(200, attempt.getHttpStatus());
        assertEquals(inbox.url("/hooks"), attempt.getUrl());
        assertEquals(paid.getTransactionId(), shown.getDataAs(Payment.class).getTransactionId());

        WebhookEventSummary redelivered = client.events().redeliver(listed.getEventId());

        assertEquals(listed.getEventId(), redelivered.getEventId());
        List<Delivery> both = inbox.awaitDeliveries(listed.getEventId(), 2);
        assertEquals(first.body(), both.get(1).body(), "the same event again: deduplicate on its id");
        assertEquals(listed.getEventId(),
                Webhooks.verify(both.get(1).body(), both.get(1).headers(), merchant.webhookSecret()).getId());
    }

    /**
     * Right after a rotation the merchant's servers may hold either secret: a delivery verifies with each
     * (the Standard Webhooks header carries a signature per secret; the legacy header stays the old
     * secret's). Once the previous secret is expired, only the new one verifies.
     */
    @Test
    void duringASecretRotationADeliveryVerifiesWithEitherSecretAndAfterExpiryOnlyWithTheNewOne() {
        TestMerchant rotating = e2e.newMerchant("Client Rotating Merchant");
        CircoFlowsClient rotatingClient = clientWith(rotating.apiKey());
        rotatingClient.webhookEndpoint().set(inbox.url("/rotating"));
        String oldSecret = rotating.webhookSecret();

        WebhookSecretRotation rotation = rotatingClient.webhookEndpoint().rotateSecret();
        String newSecret = rotation.getSecret();
        Payment paid = rotatingClient.payments().create(card(2500));
        Delivery during = inbox.awaitEvent("payment.succeeded", paid.getTransactionId());

        assertTrue(newSecret.startsWith("whsec_") && !newSecret.equals(oldSecret), "a new secret, shown once");
        assertTrue(rotation.getPreviousSecretExpiresAt().isAfter(Instant.now().plus(Duration.ofHours(23))),
                "the old one keeps signing for a day: " + rotation.getPreviousSecretExpiresAt());
        for (String secret : List.of(newSecret, oldSecret)) {
            assertEquals(paid.getTransactionId(), Webhooks.verify(during.body(), during.headers(), secret)
                    .getDataAs(Payment.class).getTransactionId());
            assertDoesNotThrow(() -> new Webhook(secret).verify(during.body(), during.headerValues()));
        }
        assertDoesNotThrow(() -> Webhooks.verify(during.body(), during.headers(), newSecret, oldSecret));
        assertDoesNotThrow(() -> Webhooks.verifier().legacySignature(true).build()
                .verify(during.body(), during.headers(), oldSecret), "the legacy header stays the old secret's");

        assertTrue(rotatingClient.webhookEndpoint().expirePreviousSecret(), "the old secret was still signing");
        WebhookEventSummary testEvent = rotatingClient.webhookEndpoint().sendTestEvent();
        Delivery after = inbox.awaitDeliveries(testEvent.getEventId(), 1).get(0);

        assertEquals("webhook.test", Webhooks.verify(after.body(), after.headers(), newSecret).getType());
        assertDoesNotThrow(() -> new Webhook(newSecret).verify(after.body(), after.headerValues()));
        assertThrows(WebhookVerificationException.class, () -> Webhooks.verify(after.body(), after.headers(), oldSecret));
        assertThrows(com.standardwebhooks.exceptions.WebhookVerificationException.class,
                () -> new Webhook(oldSecret).verify(after.body(), after.headerValues()));
    }

    private List<WebhookEventSummary> eventsOf(EventListParams params) {
        List<WebhookEventSummary> events = new ArrayList<>();
        client.events().listAll(params).forEach(events::add);
        return events;
    }

    private CircoFlowsClient clientWith(String apiKey) {
        return CircoFlowsClient.builder().apiKey(apiKey).baseUrl(e2e.baseUrl()).environment(name -> null).build();
    }

    private static CardPaymentParams card(long amount) {
        return CardPaymentParams.builder().amount(amount).currency("USD").cardNumber(SUCCESS_CARD)
                .expiry(12, Year.now().getValue() + 3).cvv("123").build();
    }
}
