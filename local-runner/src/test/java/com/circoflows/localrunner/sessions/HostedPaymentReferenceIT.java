package com.circoflows.localrunner.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.session.CheckoutState;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.HttpResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The reference's Hosted Payment API over real HTTP against the local runner: its request example
 * (expires_at moved into the future) answers its response shape with a working payment_url, and once
 * the customer has paid, the status endpoint, the transaction and the signed webhook agree.
 */
@EndToEnd
class HostedPaymentReferenceIT {
    private static final Pattern SESSION_ID = Pattern.compile("sess_[0-9A-Za-z]{24}");
    private static final Pattern ISO_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private final E2e e2e;
    private final E2e.TestMerchant merchant;

    HostedPaymentReferenceIT(E2e e2e) {
        this.e2e = e2e;
        this.merchant = e2e.newMerchant("Hosted Reference Merchant");
    }

    @Test
    void referenceRequestExampleAnswersTheReferenceResponseWithAWorkingPaymentUrl() {
        Instant expiresAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

        HttpResult created = SessionsE2e.create(merchant.api(),
                SessionsE2e.referenceRequest(expiresAt, "http://127.0.0.1:9/webhooks/payment"));

        assertEquals(200, created.status(), created::describe);
        assertTrue(created.header("content-type").startsWith("application/json"), created::describe);
        assertNotNull(created.header("x-ratelimit-limit"), created::describe);
        JsonNode body = created.json();
        assertEquals(List.of("success", "message", "data"), names(body));
        assertTrue(body.path("success").asBoolean(false));
        assertEquals("Payment session created successfully", body.path("message").asText());
        JsonNode data = body.path("data");
        assertEquals(List.of("session_id", "payment_url", "amount", "currency", "description", "status", "expires_at",
                "created_at"), names(data), "the reference's fields, in its order");
        String sessionId = data.path("session_id").asText();
        assertTrue(SESSION_ID.matcher(sessionId).matches(), sessionId);
        assertEquals(e2e.baseUrl() + "/pay/" + sessionId, data.path("payment_url").asText());
        assertEquals(25000, data.path("amount").asLong());
        assertTrue(data.path("amount").isIntegralNumber(), "minor units, never a float");
        assertEquals("USD", data.path("currency").asText());
        assertEquals("Premium Subscription - Annual Plan", data.path("description").asText());
        assertEquals("pending", data.path("status").asText());
        assertEquals(expiresAt.toString(), data.path("expires_at").asText());
        assertTrue(ISO_SECONDS.matcher(data.path("created_at").asText()).matches(), created::describe);

        // The payment_url is a page the customer's browser can open: no API key.
        if (SessionsE2e.paymentPageIsPlaceholder()) {
            Assumptions.abort("PaymentPage is still its placeholder; the page's status check is skipped");
        }
        HttpResult page = e2e.withAuthorization(null).get("/pay/" + sessionId);
        assertEquals(200, page.status(), page::describe);
        assertTrue(page.header("content-type").startsWith("text/html"), page::describe);
    }

    @Test
    void statusOfAPendingSessionShowsItsCustomerInfoAndExpiry() {
        Instant expiresAt = Instant.now().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
        String sessionId = SessionsE2e.createSession(merchant.api(),
                SessionsE2e.referenceRequest(expiresAt, "http://127.0.0.1:9/webhooks/payment"));

        HttpResult status = SessionsE2e.status(merchant.api(), sessionId);

        assertEquals(200, status.status(), status::describe);
        assertFalse(status.json().has("message"), "the reference's status body has none");
        JsonNode data = status.data();
        assertEquals(sessionId, data.path("session_id").asText());
        assertEquals("pending", data.path("status").asText());
        assertEquals("Jane Smith", data.path("customer_info").path("name").asText());
        assertEquals(expiresAt.toString(), data.path("expires_at").asText());
        assertFalse(data.has("transaction_id") || data.has("completed_at"), status::describe);
    }

    /** The merchant never set an endpoint: the session's own webhook_url is signed with the secret it was created with. */
    @Test
    void paidSessionIsCompletedAndTheStatusTheTransactionAndTheSignedWebhookAgree() throws Exception {
        try (WebhookCatcher catcher = WebhookCatcher.start()) {
            String secret = merchant.webhookSecret();
            String sessionId = SessionsE2e.createSession(merchant.api(), SessionsE2e.referenceRequest(
                    Instant.now().plus(Duration.ofDays(1)), catcher.url("/session-webhooks")));

            CheckoutState paid = SessionsE2e.checkout(e2e).pay(sessionId, SessionsE2e.form("4242424242424242", "731"));

            assertInstanceOf(CheckoutState.Paid.class, paid);
            HttpResult status = SessionsE2e.status(merchant.api(), sessionId);
            assertEquals(200, status.status(), status::describe);
            JsonNode session = status.data();
            assertEquals("completed", session.path("status").asText(), status::describe);
            String transactionId = session.path("transaction_id").asText();
            assertTrue(transactionId.startsWith("txn_"), status::describe);
            assertTrue(ISO_SECONDS.matcher(session.path("completed_at").asText()).matches(), status::describe);
            assertEquals("Jane Smith", session.path("customer_info").path("name").asText());

            HttpResult transaction = merchant.api().get("/api/direct-payment/" + transactionId);
            assertEquals(200, transaction.status(), transaction::describe);
            assertEquals(sessionId, transaction.data().path("session_id").asText(), transaction::describe);
            assertEquals("completed", transaction.data().path("status").asText());
            assertEquals(25000, transaction.data().path("amount").asLong());

            WebhookCatcher.Delivery delivery = catcher.awaitDeliveryContaining(transactionId, Duration.ofSeconds(15));
            assertEquals("/session-webhooks", delivery.path(), "the session's own webhook_url");
            assertEquals(hexHmac(secret, delivery.body()), delivery.signature(), "X-Webhook-Signature verifies");
            Map<String, Object> event = delivery.asMap();
            assertEquals("payment.succeeded", event.get("type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> eventData = (Map<String, Object>) event.get("data");
            assertEquals(sessionId, eventData.get("session_id"));
            assertEquals(transactionId, eventData.get("transaction_id"));
            assertEquals(SessionsE2e.JSON.convertValue(transaction.data(), Map.class), eventData,
                    "the webhook's data is the status endpoint's view of the transaction");
        }
    }

    private static String hexHmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
