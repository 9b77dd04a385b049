package com.example.quickstart;

import com.circoflows.client.ApiConnectionException;
import com.circoflows.client.CircoFlowsClient;
import com.circoflows.client.CircoFlowsException;
import com.circoflows.client.RequestOptions;
import com.circoflows.client.WebhookEvent;
import com.circoflows.client.model.CardPaymentParams;
import com.circoflows.client.model.ConfirmThreeDSecureParams;
import com.circoflows.client.model.Health;
import com.circoflows.client.model.Payment;
import com.circoflows.client.model.Refund;
import com.circoflows.client.model.RefundParams;
import com.circoflows.client.model.WebhookSecretRotation;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

/**
 * The CircoFlows quickstart: a card payment and its verified webhook, a 3-D Secure payment, a refund and
 * its verified webhook, against a test-mode key.
 *
 * <pre>
 * CIRCOFLOWS_API_KEY=cf_test_… CIRCOFLOWS_BASE_URL=http://localhost:3000 \
 *   mvn -q -f examples/java-quickstart/pom.xml compile exec:java
 * </pre>
 *
 * Exit status 0 when every step worked, 1 when one failed, 2 when the configuration is wrong.
 */
public final class Quickstart {
    static final int OK = 0;
    static final int STEP_FAILED = 1;
    static final int BAD_CONFIGURATION = 2;

    private static final String DEFAULT_BASE_URL = "http://localhost:3000";
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(30);
    // Test cards (docs/api.md "Test cards"): the first succeeds, the second asks for 3-D Secure.
    private static final String SUCCEEDING_CARD = "4242424242424242";
    private static final String THREE_D_SECURE_CARD = "4000000000003220";

    private final CircoFlowsClient client;
    private final PrintStream out;

    private Quickstart(CircoFlowsClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static void main(String[] args) {
        int status = run(System.getenv(), System.out);
        if (status != OK) {
            // Also ends `mvn exec:java` with this status.
            System.exit(status);
        }
    }

    /** Runs every step, printing as it goes; returns the exit status. */
    public static int run(Map<String, String> environment, PrintStream out) {
        String apiKey = environment.get("CIRCOFLOWS_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            out.println("CIRCOFLOWS_API_KEY is not set: use the test key bin/run-local printed (cf_test_…).");
            return BAD_CONFIGURATION;
        }
        String baseUrl = environment.getOrDefault("CIRCOFLOWS_BASE_URL", DEFAULT_BASE_URL);
        if (baseUrl.isBlank()) {
            baseUrl = DEFAULT_BASE_URL;
        }
        CircoFlowsClient client = CircoFlowsClient.builder().apiKey(apiKey).baseUrl(baseUrl).build();
        out.println("CircoFlows quickstart against " + baseUrl);
        try {
            return new Quickstart(client, out).runSteps(environment.get("CIRCOFLOWS_WEBHOOK_SECRET"));
        } catch (ApiConnectionException unreachable) {
            out.println("FAILED: no answer from " + baseUrl + " (" + unreachable.getMessage()
                    + "). Is bin/run-local running, and CIRCOFLOWS_BASE_URL its address?");
            return STEP_FAILED;
        } catch (CircoFlowsException refused) {
            out.println("FAILED: the API answered " + refused);
            return STEP_FAILED;
        } catch (StepFailed failed) {
            out.println("FAILED: " + failed.getMessage());
            return STEP_FAILED;
        } catch (IOException e) {
            out.println("FAILED: " + e.getMessage());
            return STEP_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("FAILED: interrupted");
            return STEP_FAILED;
        } catch (RuntimeException unexpected) {
            out.println("FAILED: " + unexpected);
            return STEP_FAILED;
        }
    }

    private int runSteps(String configuredSecret) throws IOException, InterruptedException {
        Health health = client.health().check();
        out.println("Connected as merchant " + health.getMerchantId() + " (" + health.getMode() + " mode)");
        if (!"test".equals(health.getMode())) {
            out.println("The quickstart makes payments and refunds: run it with a test key (cf_test_…).");
            return BAD_CONFIGURATION;
        }

        String secret = webhookSecret(configuredSecret);
        try (WebhookReceiver receiver = WebhookReceiver.start(secret)) {
            out.println();
            out.println("[1/5] Webhook receiver listening on " + receiver.url()
                    + ", verifying every delivery with Webhooks.verify");

            out.println();
            out.println("[2/5] Card payment, with webhook_url pointing at the receiver");
            Payment paid = payCard(receiver);
            awaitPaymentWebhook(receiver, "payment.succeeded", paid);

            out.println();
            out.println("[3/5] 3-D Secure payment");
            Payment authenticated = payWithThreeDSecure(receiver);
            awaitPaymentWebhook(receiver, "payment.succeeded", authenticated);

            out.println();
            out.println("[4/5] Refund of the card payment");
            Refund refund = refund(paid);
            awaitRefundWebhook(receiver, refund);

            out.println();
            out.println("[5/5] Summary");
            Payment cardPayment = client.payments().retrieve(paid.getTransactionId());
            Payment threeDSecurePayment = client.payments().retrieve(authenticated.getTransactionId());
            out.println("      card payment   " + describe(cardPayment) + ": " + cardPayment.getStatus()
                    + " (refund " + refund.getRefundId() + ")");
            out.println("      3-D Secure     " + describe(threeDSecurePayment) + ": " + threeDSecurePayment.getStatus());
            out.println("      webhooks       " + receiver.verifiedCount() + " verified, "
                    + receiver.refusedCount() + " refused");
        }
        out.println();
        out.println("Quickstart complete: every step succeeded.");
        return OK;
    }

    /**
     * The secret the receiver verifies with. A real integration stores the one it was given and reads it
     * from its configuration; rotating is the way to get a new one when it was lost.
     */
    private String webhookSecret(String configured) {
        if (configured != null && !configured.isBlank()) {
            out.println("Webhook secret: from CIRCOFLOWS_WEBHOOK_SECRET");
            return configured.trim();
        }
        WebhookSecretRotation rotation = client.webhookEndpoint().rotateSecret();
        out.println("CIRCOFLOWS_WEBHOOK_SECRET is not set, so the quickstart ROTATED this test merchant's webhook"
                + " signing secret to get one it can verify with.");
        out.println("  New secret (shown this once, keep it): " + rotation.getSecret());
        out.println("  The previous secret keeps signing (X-Webhook-Signature, and a second webhook-signature"
                + " entry) until " + rotation.getPreviousSecretExpiresAt() + ", so receivers holding it keep working.");
        out.println("  Next time set CIRCOFLOWS_WEBHOOK_SECRET to the new secret: another rotation before then"
                + " makes the secret before this one stop signing at once.");
        return rotation.getSecret();
    }

    private Payment payCard(WebhookReceiver receiver) {
        String orderId = newOrderId();
        Payment payment = client.payments().create(CardPaymentParams.builder()
                        .amount(1000).currency("USD")
                        .cardNumber(SUCCEEDING_CARD).expiry(12, 2030).cvv("123")
                        .metadata("order_id", orderId)
                        // This payment's events go here instead of the merchant's endpoint.
                        .webhookUrl(receiver.url())
                        .build(),
                // Your own order id as the key: retrying the call can never charge twice.
                RequestOptions.idempotencyKey(orderId));
        expectStatus(payment, "completed");
        out.println("      " + payment.getTransactionId() + " " + money(payment.getAmount(), payment.getCurrency())
                + ": " + payment.getStatus());
        return payment;
    }

    private Payment payWithThreeDSecure(WebhookReceiver receiver) throws IOException, InterruptedException {
        String orderId = newOrderId();
        Payment pending = client.payments().create(CardPaymentParams.builder()
                        .amount(2500).currency("USD")
                        .cardNumber(THREE_D_SECURE_CARD).expiry(12, 2030).cvv("123")
                        .metadata("order_id", orderId)
                        .webhookUrl(receiver.url())
                        .build(),
                RequestOptions.idempotencyKey(orderId));
        expectStatus(pending, "pending");
        String challenge = pending.getThreeDSecureUrl();
        if (challenge == null) {
            throw new StepFailed(pending.getTransactionId() + " is pending without a 3-D Secure URL");
        }
        out.println("      " + pending.getTransactionId() + " " + money(pending.getAmount(), pending.getCurrency())
                + ": " + pending.getStatus()
                + ", the customer must authenticate at " + challenge);

        new TestModeCustomer().authenticate(challenge);
        out.println("      Test mode: the quickstart played the customer and pressed \"Authenticate\"");

        // The customer is back (at your return_url): confirm. The API checks the claim against the page.
        Payment confirmed = client.payments().confirmThreeDSecure(pending.getTransactionId(),
                ConfirmThreeDSecureParams.success(pending.getGatewayTransactionId()));
        expectStatus(confirmed, "completed");
        out.println("      confirmThreeDSecure: " + confirmed.getTransactionId() + " " + confirmed.getStatus());
        return confirmed;
    }

    private Refund refund(Payment payment) {
        Refund refund = client.refunds().create(payment.getTransactionId(),
                RefundParams.builder().reason("requested_by_customer").build(),
                RequestOptions.idempotencyKey("refund-" + payment.getTransactionId()));
        out.println("      Refund " + refund.getRefundId() + " of " + refund.getTransactionId() + ": "
                + money(refund.getAmount(), refund.getCurrency()) + ", " + refund.getStatus());
        if ("failed".equals(refund.getStatus())) {
            throw new StepFailed("refund " + refund.getRefundId() + " failed: " + refund.getFailureReason());
        }
        return refund;
    }

    private void awaitPaymentWebhook(WebhookReceiver receiver, String type, Payment payment) throws InterruptedException {
        WebhookEvent event = await(receiver, type, "transaction_id", payment.getTransactionId());
        Payment delivered = event.getDataAs(Payment.class);
        out.println("      Webhook " + type + " " + event.getId() + " verified: " + delivered.getTransactionId()
                + " " + delivered.getStatus());
    }

    private void awaitRefundWebhook(WebhookReceiver receiver, Refund refund) throws InterruptedException {
        WebhookEvent event = await(receiver, "refund.succeeded", "refund_id", refund.getRefundId());
        Refund delivered = event.getDataAs(Refund.class);
        out.println("      Webhook refund.succeeded " + event.getId() + " verified: " + delivered.getRefundId()
                + " " + delivered.getStatus());
    }

    private WebhookEvent await(WebhookReceiver receiver, String type, String idField, String id)
            throws InterruptedException {
        out.println("      Waiting for the " + type + " webhook (up to " + WEBHOOK_TIMEOUT.getSeconds() + " s)...");
        return receiver.await(event -> type.equals(event.getType())
                        && event.getData() != null && id.equals(event.getData().path(idField).asText()),
                WEBHOOK_TIMEOUT)
                .orElseThrow(() -> new StepFailed(receiver.refusedCount() > 0
                        ? "a delivery did not verify, so the receiver answered it 400: is"
                        + " CIRCOFLOWS_WEBHOOK_SECRET the webhook secret of this API key's merchant?"
                        : "no " + type + " webhook for " + id + " within " + WEBHOOK_TIMEOUT.getSeconds() + " s"));
    }

    private static void expectStatus(Payment payment, String expected) {
        if (!expected.equals(payment.getStatus())) {
            throw new StepFailed(payment.getTransactionId() + " is " + payment.getStatus() + ", expected " + expected);
        }
    }

    /** The payment as GET shows it: only the card's last four digits, as a card number never belongs in output. */
    private static String describe(Payment payment) {
        String card = payment.getCard() == null ? ""
                : ", " + payment.getCard().getBrand() + " ending " + payment.getCard().getLast4();
        return payment.getTransactionId() + " " + money(payment.getAmount(), payment.getCurrency()) + card;
    }

    private static String money(Long minorUnits, String currency) {
        if (minorUnits == null || currency == null) {
            return "";
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return currency + " " + BigDecimal.valueOf(minorUnits, digits).toPlainString();
    }

    private static String newOrderId() {
        return "quickstart-" + UUID.randomUUID();
    }

    /** A step did not end as it should; the message says how. */
    static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message);
        }
    }
}
