package com.circoflows.localrunner.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.api.pages.PaymentPage;
import com.circoflows.config.Settings;
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.SessionCheckoutService;
import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the session end-to-end tests share: request bodies, and paying a session the way the payment
 * page does. The page's HTML is tested by its own (browser) tests, so paying goes through exactly what
 * PaymentPageFunction's no-arg constructor builds (FunctionWiring.sessionCheckout(), from the function's
 * template variables as the runner resolves them) against the runner's own DynamoDB and queue.
 */
final class SessionsE2e {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A future expiry; the reference's own examples use 12/2025, now in the past. */
    static final String EXPIRY_MONTH = "12";
    static final String EXPIRY_YEAR = "2030";

    private SessionsE2e() {
    }

    /**
     * The reference's request example with {@code expires_at} moved into the future. Its webhook host
     * (your-site.com) is resolved when the session is created, which needs the network, so
     * {@code webhookUrl} takes its place (a loopback URL, which the local runner allows).
     */
    static ObjectNode referenceRequest(Instant expiresAt, String webhookUrl) {
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", 25000);
        body.put("currency", "USD");
        body.put("description", "Premium Subscription - Annual Plan");
        ObjectNode customer = body.putObject("customer_info");
        customer.put("name", "Jane Smith");
        customer.put("email", "jane@example.com");
        customer.put("phone", "+1234567890");
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("subscription_id", "sub_12345");
        metadata.put("plan_type", "premium_annual");
        body.put("webhook_url", webhookUrl);
        body.put("return_url", "https://your-site.com/payment/success");
        body.put("expires_at", expiresAt.truncatedTo(ChronoUnit.SECONDS).toString());
        return body;
    }

    /** A minimal valid session request. */
    static ObjectNode minimalRequest() {
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", 1500);
        body.put("currency", "EUR");
        body.put("description", "Tea subscription");
        return body;
    }

    static HttpResult create(Api api, ObjectNode body) {
        return api.post("/api/hosted-payment", body.toString());
    }

    /** Creates a session (asserting 200) and returns its id. */
    static String createSession(Api api, ObjectNode body) {
        HttpResult created = create(api, body);
        assertEquals(200, created.status(), created::describe);
        return created.data().path("session_id").asText();
    }

    static HttpResult status(Api api, String sessionId) {
        return api.get("/api/hosted-payment/" + sessionId);
    }

    static HttpResult cancel(Api api, String sessionId) {
        return api.post("/api/hosted-payment/" + sessionId + "/cancel", "");
    }

    /** What the customer typed on the page. */
    static CheckoutForm form(String pan, String cvv) {
        return new CheckoutForm(CardDetails.validate(pan, EXPIRY_MONTH, EXPIRY_YEAR, cvv, Clock.systemUTC()),
                "Jane Smith", "jane@example.com");
    }

    /** The payment page's checkout, wired as PaymentPageFunction is, against this runner. */
    static SessionCheckoutService checkout(E2e e2e) {
        LocalStack stack = e2e.runner().stack();
        FunctionDefinition page = stack.template().function("PaymentPageFunction");
        Map<String, String> environment = new LinkedHashMap<>(stack.environmentOf(page));
        environment.put("AWS_REGION", stack.options().region());
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDb().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", stack.sqs().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", stack.secretsManager().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_S3", stack.s3().endpoint().toString());
        environment.put(Settings.LOCAL_MODE, "true");
        return Settings.withEnvironment(environment, () -> FunctionWiring.fromEnvironment().sessions().sessionCheckoutService());
    }

    /**
     * Whether PaymentPage is still the placeholder it was while it was being written in parallel; the
     * checks of the page's status code are skipped then (its placeholder throws on every request).
     */
    static boolean paymentPageIsPlaceholder() {
        try {
            new PaymentPage(null, null, null).handle(null);
            return false;
        } catch (UnsupportedOperationException e) {
            return "payment page not written yet".equals(e.getMessage());
        } catch (RuntimeException e) {
            return false;
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
