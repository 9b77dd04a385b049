package com.circoflows.localrunner.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvents;
import com.circoflows.localrunner.LocalRunner;
import com.circoflows.localrunner.LocalRunnerOptions;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.openapi.OpenApiContract;
import com.circoflows.localstack.TableDefinition;
import com.circoflows.testing.TestAmounts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A LocalRunner of the webhook tests' own (not the e2e suite's shared one), with the retry schedule,
 * sweeper grace and schedule rate cut to seconds, so the whole retry schedule runs in about ten seconds.
 * Its functions print to System.out/err, which the e2e suite's capture tees into captured.log when the
 * test class asks for the shared E2e first (see the ITs' {@code @BeforeAll}).
 */
final class WebhookStack implements AutoCloseable {
    /** One entry per receive: exactly as many as the template's maxReceiveCount (11). */
    static final String FAST_RETRY_SCHEDULE = "0s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern CARD_DATA_NAME =
            Pattern.compile("(?i)(^|[^a-z])(cvv2?|cvc2?|pan)([^a-z]|$)|card_?num|security_?code");

    private final LocalRunner runner;
    private final HttpClient http;

    private WebhookStack(LocalRunner runner) {
        this.runner = runner;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static LocalRunnerOptions fastOptions() {
        return LocalRunnerOptions.forTests()
                .withEnvironmentOverride("WEBHOOK_RETRY_SCHEDULE", FAST_RETRY_SCHEDULE)
                .withEnvironmentOverride("WEBHOOK_SWEEP_GRACE_SECONDS", "1")
                .withScheduleRate(Duration.ofSeconds(1));
    }

    static WebhookStack start() {
        return start(fastOptions());
    }

    static WebhookStack start(LocalRunnerOptions options) {
        long started = System.nanoTime();
        LocalRunner runner = LocalRunner.start(options);
        System.out.printf("webhooks: fast LocalRunner on %s started in %d ms%n", runner.baseUrl(),
                (System.nanoTime() - started) / 1_000_000);
        return new WebhookStack(runner);
    }

    LocalRunner runner() {
        return runner;
    }

    DynamoDbClient dynamoDb() {
        return runner.stack().dynamoDbClient();
    }

    SqsClient sqs() {
        return runner.stack().sqsClient();
    }

    String tableName(String logicalId) {
        return runner.stack().resources().tableName(logicalId);
    }

    String queueUrl(String logicalId) {
        return runner.stack().resources().queueUrl(logicalId);
    }

    /** Messages in the queue, visible or in flight. */
    int messagesIn(String queueLogicalId) {
        Map<QueueAttributeName, String> attributes = sqs().getQueueAttributes(r -> r.queueUrl(queueUrl(queueLogicalId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    /** Puts a delivery job on the queue exactly as the API does: the body names the event. */
    void sendJob(String eventId, String merchantId) {
        sqs().sendMessage(r -> r.queueUrl(queueUrl("WebhookQueue"))
                .messageBody("{\"event_id\":\"" + eventId + "\",\"merchant_id\":\"" + merchantId + "\"}"));
    }

    /**
     * Exactly what the create-payment function leaves behind when it dies between its DynamoDB write
     * and its SQS send: a new transaction (a copy of {@code modelTransactionId} under a new id) and its
     * pending event, written together by the real adapter, and no delivery job.
     */
    WebhookEvent storeTransactionWithoutJob(String modelTransactionId) {
        DynamoTransactionRepository transactions = new DynamoTransactionRepository(dynamoDb(),
                tableName("TransactionsTable"), tableName("WebhookEventsTable"),
                tableName("TransactionSearchTable"));
        Transaction model = transactions.find(modelTransactionId).orElseThrow();
        Instant now = Instant.now();
        Transaction copy = new Transaction(RandomIds.withPrefix("txn_", 24), model.merchantId(), model.mode(),
                model.status(), TestAmounts.of(model.status(), model.amount().minorUnits() + 1,
                model.amount().currencyCode()), CaptureMethod.AUTOMATIC, model.gatewayTransactionId(), model.card(),
                        model.threeDSecure(), model.failure(), new PaymentDetails(model.customerInfo(),
                        model.metadata(), model.webhookUrl(), model.returnUrl(), model.sessionId()), model.risk(),
                        now, now, 1);
        WebhookEvent event = WebhookEvents.announce(copy, now);
        transactions.insert(copy, event);
        return event;
    }

    /** A merchant of another stack on the same data (a restarted runner), calling this one. */
    Merchant sameMerchant(Merchant onOtherStack) {
        return new Merchant(onOtherStack.merchantId, onOtherStack.apiKey, onOtherStack.webhookSecret);
    }

    /** Another key of the merchant's, of either mode, as {@code bin/admin create-key} issues it. */
    String issueKey(String merchantId, Mode mode) {
        return new ApiKeyIssuer(new DynamoApiKeyRepository(dynamoDb(), tableName("ApiKeysTable")),
                new Sha256SecretHasher(), Clock.systemUTC()).issue(merchantId, mode).fullKey();
    }

    /** The merchant the runner seeds at start, with the key and webhook secret it prints. */
    Merchant demoMerchant() {
        return new Merchant(runner.demoMerchantId(), runner.demoApiKey(), runner.demoWebhookSecret());
    }

    /**
     * A merchant of its own, with a fresh test key and the signing secret it was created with: its endpoint,
     * events and rate limits touch no other test.
     */
    Merchant newMerchant(String name) {
        DynamoDbClient dynamoDb = dynamoDb();
        MerchantOnboarding onboarding = new MerchantOnboarding(
                new DynamoMerchantRepository(dynamoDb, tableName("MerchantsTable")),
                new ApiKeyIssuer(new DynamoApiKeyRepository(dynamoDb, tableName("ApiKeysTable")),
                        new Sha256SecretHasher(), Clock.systemUTC()),
                Clock.systemUTC());
        MerchantOnboarding.Onboarded onboarded = onboarding.createMerchant(name, Mode.TEST);
        return new Merchant(onboarded.merchant().merchantId(), onboarded.firstKey().fullKey(),
                onboarded.webhookSecret().value());
    }

    /**
     * The e2e suite's CardDataScanIT scans only the shared runner's tables; this runner's are checked
     * here: no attribute named like card data, and no card number these tests sent, anywhere.
     */
    void assertNoCardNumberStored() {
        Set<String> pans = CardData.sentPans();
        List<String> findings = new ArrayList<>();
        int items = 0;
        for (TableDefinition table : runner.stack().template().tables()) {
            String name = tableName(table.logicalId());
            for (Map<String, AttributeValue> item : dynamoDb().scanPaginator(r -> r.tableName(name)).items()) {
                items++;
                item.forEach((attribute, value) -> scan(name + "." + attribute, attribute, value, pans, findings));
            }
        }
        assertTrue(items > 0, "nothing stored to scan");
        assertEquals(List.of(), findings, "card data stored by the webhook tests' runner");
    }

    private static void scan(String location, String name, AttributeValue value, Set<String> pans,
            List<String> findings) {
        if (name != null && CARD_DATA_NAME.matcher(name).find()) {
            findings.add(location + ": attribute named like card data");
        }
        if (value.s() != null && pans.stream().anyMatch(value.s()::contains)) {
            findings.add(location + ": holds a card number the tests sent");
        }
        if (value.hasM()) {
            value.m().forEach((key, inner) -> scan(location + "." + key, key, inner, pans, findings));
        }
        if (value.hasL()) {
            value.l().forEach(inner -> scan(location + "[]", null, inner, pans, findings));
        }
        if (value.hasSs()) {
            value.ss().forEach(inner -> scan(location + "{}", null, AttributeValue.fromS(inner), pans, findings));
        }
    }

    @Override
    public void close() {
        runner.close();
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** One merchant calling the API with its key. toString hides the key. */
    final class Merchant {
        private final String merchantId;
        private final String apiKey;
        private final String webhookSecret;

        private Merchant(String merchantId, String apiKey, String webhookSecret) {
            this.merchantId = merchantId;
            this.apiKey = apiKey;
            this.webhookSecret = webhookSecret;
        }

        String merchantId() {
            return merchantId;
        }

        /** The signing secret the merchant was given at creation (bin/admin prints it with the first key). */
        String webhookSecret() {
            return webhookSecret;
        }

        /** The same merchant calling with another of its keys (e.g. a live one). */
        Merchant withKey(String otherApiKey) {
            return new Merchant(merchantId, otherApiKey, webhookSecret);
        }

        Response putEndpoint(String url) {
            return putEndpoint(url, null);
        }

        Response putEndpoint(String url, String idempotencyKey) {
            return send("PUT", "/api/webhook-endpoint", JSON.createObjectNode().put("url", url).toString(),
                    idempotencyKey);
        }

        /**
         * Sets the endpoint and returns the secret its webhooks are signed with: the one the merchant got at
         * creation, which the PUT does not show again.
         */
        String createEndpoint(String url) {
            Response set = putEndpoint(url);
            assertEquals(200, set.status(), set::describe);
            assertFalse(set.data().has("secret"), () -> "the secret came with the merchant: " + set.describe());
            return webhookSecret;
        }

        Response expirePreviousSecret() {
            return send("POST", "/api/webhook-endpoint/expire-previous-secret", "");
        }

        Response rotateSecret() {
            return rotateSecret(null);
        }

        Response sendTestEvent() {
            return send("POST", "/api/webhook-endpoint/test", "");
        }

        Response rotateSecret(String idempotencyKey) {
            return send("POST", "/api/webhook-endpoint/rotate-secret", "", idempotencyKey);
        }

        /** A card payment of USD amount/100 with a future expiry; the card data is registered for the scan. */
        Response pay(String card, String cvv, long amount) {
            return pay(paymentBody(card, cvv, amount));
        }

        Response pay(ObjectNode body) {
            return send("POST", "/api/direct-payment", body.toString());
        }

        /** Pays with 4242... and returns the transaction id (asserting 200). */
        String paySuccessfully(String cvv, long amount) {
            Response paid = pay(CardData.SUCCESS, cvv, amount);
            assertEquals(200, paid.status(), paid::describe);
            return paid.data().path("transaction_id").asText();
        }

        /** POST /api/hosted-payment: a payment session. */
        Response createSession(ObjectNode body) {
            return send("POST", "/api/hosted-payment", body.toString());
        }

        Response status(String transactionId) {
            return send("GET", "/api/direct-payment/" + transactionId, null);
        }

        Response events(String query) {
            return send("GET", "/api/webhook-events" + (query == null || query.isEmpty() ? "" : "?" + query), null);
        }

        Response event(String eventId) {
            return send("GET", "/api/webhook-events/" + eventId, null);
        }

        Response redeliver(String eventId) {
            return send("POST", "/api/webhook-events/" + eventId + "/redeliver", "");
        }

        /** The id of the event a transaction announced, from the merchant's own event list. */
        String eventIdFor(String transactionId) {
            JsonNode found = Poll.until("the event of " + transactionId + " in GET /api/webhook-events",
                    Duration.ofSeconds(10), () -> {
                        Response list = events("limit=100");
                        assertEquals(200, list.status(), list::describe);
                        for (JsonNode event : list.data().path("events")) {
                            if (transactionId.equals(event.path("transaction_id").asText())) {
                                return event;
                            }
                        }
                        return null;
                    }, event -> event != null);
            return found.path("event_id").asText();
        }

        /** GET /api/webhook-events/{id} until its data satisfies {@code done}. */
        JsonNode eventUntil(String eventId, String what, Duration timeout, Predicate<JsonNode> done) {
            return Poll.until("event " + eventId + " " + what, timeout, () -> {
                Response event = event(eventId);
                assertEquals(200, event.status(), event::describe);
                return event.data();
            }, done);
        }

        private Response send(String method, String path, String body) {
            return send(method, path, body, null);
        }

        private Response send(String method, String path, String body, String idempotencyKey) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + apiKey);
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                OpenApiContract.get().assertConforms(new HttpResult(method, URI.create(runner.baseUrl() + path),
                        response.statusCode(), response.headers(), response.body()));
                return new Response(method, path, response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public String toString() {
            return "Merchant[" + merchantId + "]";
        }
    }

    static ObjectNode paymentBody(String card, String cvv, long amount) {
        return JSON.createObjectNode()
                .put("amount", amount)
                .put("currency", "USD")
                .put("payment_method", "card")
                .put("card_number", CardData.pan(card))
                .put("expiry_month", CardData.EXPIRY_MONTH)
                .put("expiry_year", CardData.EXPIRY_YEAR)
                .put("cvv", CardData.cvv(cvv));
    }

    /** One API answer; {@link #describe()} is the assertion message. */
    record Response(String method, String path, int status, String body) {
        JsonNode json() {
            return parse(body);
        }

        JsonNode data() {
            return json().path("data");
        }

        JsonNode error() {
            return json().path("error");
        }

        String describe() {
            String shown = body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
            return method + " " + path + " -> " + status + " " + shown;
        }
    }
}
