package com.circoflows.testsupport;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.adapters.dynamodb.DynamoPaymentSessionRepository;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEndpointRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEventRepository;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.lambda.WebhookJobBatch;
import com.circoflows.adapters.sqs.SqsWebhookJobQueue;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.config.Settings;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.ThreeDSecureChallenges;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionCheckoutService;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import com.circoflows.localstack.LocalStacks;
import com.circoflows.localstack.SamTemplate;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.joda.time.DateTime;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What a handler integration test needs around a real handler: a {@link LocalStack} provisioned
 * from template.yaml, each function's environment as the template defines it (pointed at the local
 * servers, as Lambda plus the local runner would set it), the merchant behind the sample key of
 * the events/ files, and the events themselves.
 *
 * <p>Lives in shared's test-jar so every function module uses the same one.
 */
public final class HandlerTestEnvironment implements AutoCloseable {
    /** The key in every events/ file's Authorization header; see events/README.md. */
    public static final String SAMPLE_KEY = "cf_test_SAMPLEkeyForEvents00ReplaceWithYourOwnTestKey000";
    public static final String SAMPLE_MERCHANT_NAME = "Events Merchant";
    /** Placeholders in the events that tests replace with a real transaction's ids. */
    public static final String SAMPLE_TRANSACTION_ID = "txn_SAMPLEtransactionId00000";
    public static final String SAMPLE_GATEWAY_ID = "gw_SAMPLEgatewayId000000000";
    /** Placeholder session id of the hosted-payment-status/-cancel and payment-page events. */
    public static final String SAMPLE_SESSION_ID = "sess_SAMPLEsessionId000000000";
    /** The handler tests keep off the network: this replaces the samples' webhook URLs (see events/README.md). */
    public static final String LOCAL_WEBHOOK_URL = "http://localhost:9/hook";
    /** Placeholder webhook event id of the webhook-event-* events and of the delivery job samples. */
    public static final String SAMPLE_EVENT_ID = "evt_SAMPLEwebhookEventId0000";
    /** Placeholder key id of api-key-revoke/revoke.json. */
    public static final String SAMPLE_API_KEY_ID = "key_SAMPLEapiKeyId00";
    /** The merchant id the sample delivery and dead-letter jobs name. */
    public static final String SAMPLE_JOB_MERCHANT_ID = "mch_SAMPLEmerchantId0000";
    public static final String APP_SECRET_KEY = "handler-it-app-secret-key-0123456789abcdefghij";
    public static final String LOCAL_PUBLIC_BASE_URL = "http://localhost:3000";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /**
     * Reads SQS and EventBridge events the way the Lambda Java runtime does: its serializer renames
     * {@code Records}, {@code eventSourceARN} and {@code detail-type} with mixins and parses the joda
     * {@code time}; plain Jackson would silently leave an SQS event without records.
     */
    private static final ObjectMapper LAMBDA_EVENTS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(SQSEvent.class, SqsEventNames.class)
            .addMixIn(SQSEvent.SQSMessage.class, SqsMessageNames.class)
            .addMixIn(ScheduledEvent.class, ScheduledEventNames.class)
            .registerModule(new SimpleModule("joda-date-time").addDeserializer(DateTime.class, new JsonDeserializer<>() {
                @Override
                public DateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    return DateTime.parse(parser.getValueAsString());
                }
            }));

    private final LocalStack stack;
    private final String merchantId;
    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createPayments;
    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createSessions;
    private SessionCheckoutService sessionCheckout;
    private WebhookJobBatch deliveries;

    private HandlerTestEnvironment(LocalStack stack) {
        this.stack = stack;
        this.merchantId = onboard(SAMPLE_MERCHANT_NAME, SAMPLE_KEY);
    }

    /**
     * Starts a fresh stack (embedded, or fresh tables and queues on the JVM's LocalStack container
     * under -Plocalstack, see {@link LocalStacks}) and registers the sample key for "Events Merchant".
     */
    public static HandlerTestEnvironment start() {
        LocalStack stack = LocalStacks.start(LocalStackOptions.defaults().withSecret("AppSecret", APP_SECRET_KEY));
        try {
            return new HandlerTestEnvironment(stack);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public LocalStack stack() {
        return stack;
    }

    /** The merchant the sample key belongs to. */
    public String merchantId() {
        return merchantId;
    }

    /** Another merchant with its own new test key; returns the key. */
    public String newMerchantKey(String name) {
        return newMerchant(name).apiKey();
    }

    /** Another merchant with its own new test key. */
    public NewMerchant newMerchant(String name) {
        String key = "cf_test_" + RandomIds.base62(48);
        return new NewMerchant(onboard(name, key), key);
    }

    public record NewMerchant(String merchantId, String apiKey) {
    }

    /**
     * A merchant as stored before every merchant got its webhook signing secret at creation: no
     * webhook settings at all.
     */
    public NewMerchant newMerchantWithoutSigningSecret(String name) {
        NewMerchant merchant = newMerchant(name);
        stack.dynamoDbClient().updateItem(update -> update.tableName(table("MerchantsTable"))
                .key(Map.of("merchant_id", AttributeValue.fromS(merchant.merchantId())))
                .updateExpression("REMOVE webhook_secret"));
        return merchant;
    }

    /** The key table as the key functions see it. */
    public DynamoApiKeyRepository apiKeys() {
        return new DynamoApiKeyRepository(stack.dynamoDbClient(), table("ApiKeysTable"));
    }

    /** Another active test key of the merchant's, as bin/admin would issue it. */
    public IssuedApiKey issueKey(String merchantId) {
        return new ApiKeyIssuer(apiKeys(), new Sha256SecretHasher(), Clock.systemUTC())
                .issue(merchantId, Mode.TEST);
    }

    private String onboard(String name, String key) {
        var merchants = new DynamoMerchantRepository(stack.dynamoDbClient(), table("MerchantsTable"));
        var keys = new DynamoApiKeyRepository(stack.dynamoDbClient(), table("ApiKeysTable"));
        return new MerchantOnboarding(merchants,
                new ApiKeyIssuer(keys, new Sha256SecretHasher(), Clock.systemUTC()),
                Clock.systemUTC()).createMerchantWithKey(name, key).merchant().merchantId();
    }

    // --- functions ----------------------------------------------------------------------------

    public FunctionDefinition function(String logicalId) {
        return stack.template().functions().stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("template.yaml has no function " + logicalId));
    }

    /**
     * The function's variables exactly as template.yaml resolves them on this stack, plus what Lambda
     * provides (region, credentials) and what points the SDK at the local servers; an empty
     * PUBLIC_BASE_URL (the template default) becomes http://localhost:3000 as in the local runner.
     */
    public Map<String, String> environment(String logicalId) {
        FunctionDefinition function = function(logicalId);
        Map<String, String> environment = new LinkedHashMap<>(stack.environmentOf(function));
        environment.put("AWS_REGION", stack.options().region());
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", logicalId);
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDb().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", stack.sqs().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", stack.secretsManager().endpoint().toString());
        environment.put(Settings.LOCAL_MODE, "true");
        if (environment.containsKey("PUBLIC_BASE_URL") && environment.get("PUBLIC_BASE_URL").isBlank()) {
            environment.put("PUBLIC_BASE_URL", LOCAL_PUBLIC_BASE_URL);
        }
        return environment;
    }

    /**
     * Constructs a handler as Lambda does (its public no-arg constructor) while the environment is the
     * template's for {@code logicalId}; fails if the template names another handler class.
     */
    public <T> T construct(String logicalId, Class<T> handlerClass, Supplier<T> noArgConstructor) {
        return construct(logicalId, handlerClass, environment(logicalId), noArgConstructor);
    }

    public <T> T construct(String logicalId, Class<T> handlerClass, Map<String, String> environment,
            Supplier<T> noArgConstructor) {
        String templateHandler = function(logicalId).handlerClassName();
        if (!templateHandler.equals(handlerClass.getName())) {
            throw new AssertionError(logicalId + " runs " + templateHandler + " in template.yaml, not "
                    + handlerClass.getName());
        }
        return Settings.withEnvironment(environment, noArgConstructor);
    }

    /** A context like the one Lambda passes; the handlers don't read it, but they get one. */
    public static Context context(String functionName, APIGatewayV2HTTPEvent event) {
        return new TestContext(functionName, event.getRequestContext() == null ? RandomIds.base62(12)
                : event.getRequestContext().getRequestId());
    }

    /** A context for an invocation without an API Gateway request id (SQS, schedule). */
    public static Context context(String functionName) {
        return new TestContext(functionName, UUID.randomUUID().toString());
    }

    public static APIGatewayV2HTTPResponse invoke(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>
            handler, String functionName, APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, context(functionName, event));
    }

    // --- payments made through the create function --------------------------------------------

    /**
     * Pays with one of events/direct-payment-create/ (e.g. {@code "three-d-secure.json"}) through the
     * create function's own wiring and template environment. Other function modules can't depend on
     * the create module, so this builds what CreateDirectPaymentHandler's no-arg constructor builds
     * (FunctionWiring.merchantApi() + createDirectPaymentEndpoint()) from CreateDirectPaymentFunction's
     * template variables.
     */
    public CreatedPayment pay(String createEventPath, String apiKey) {
        APIGatewayV2HTTPEvent event = withApiKey(event(createEventPath), apiKey);
        APIGatewayV2HTTPResponse response = invoke(createPayments(), "CreateDirectPaymentFunction", event);
        JsonNode body = json(response);
        JsonNode ids = body.path("success").asBoolean() ? body.path("data") : body.path("error");
        String transactionId = ids.path("transaction_id").asText(null);
        if (transactionId == null) {
            throw new AssertionError("no transaction from " + createEventPath + ": " + response.getBody());
        }
        String gatewayId = storedTransaction(transactionId).gatewayTransactionId();
        return new CreatedPayment(response.getStatusCode(), transactionId, gatewayId, body);
    }

    public CreatedPayment pay(String createEventPath) {
        return pay(createEventPath, SAMPLE_KEY);
    }

    private synchronized RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createPayments() {
        if (createPayments == null) {
            createPayments = Settings.withEnvironment(environment("CreateDirectPaymentFunction"), () -> {
                FunctionWiring wiring = FunctionWiring.fromEnvironment();
                return new MerchantApiHandler(wiring.merchantApi(), wiring.createDirectPaymentEndpoint()) {
                };
            });
        }
        return createPayments;
    }

    public record CreatedPayment(int status, String transactionId, String gatewayTransactionId, JsonNode body) {
    }

    // --- hosted payment sessions ---------------------------------------------------------------

    /**
     * Creates a session with events/hosted-payment-create/create.json (its webhook URL replaced by
     * {@link #LOCAL_WEBHOOK_URL}, so nothing is resolved) through what CreateHostedPaymentHandler's
     * no-arg constructor builds from CreateHostedPaymentFunction's template variables; returns its id.
     */
    public String createSession(String apiKey) {
        APIGatewayV2HTTPEvent event = withApiKey(withJsonField(event("hosted-payment-create/create.json"),
                "webhook_url", LOCAL_WEBHOOK_URL), apiKey);
        APIGatewayV2HTTPResponse response = invoke(createSessions(), "CreateHostedPaymentFunction", event);
        String sessionId = json(response).path("data").path("session_id").asText(null);
        if (response.getStatusCode() != 200 || sessionId == null) {
            throw new AssertionError("no session from create.json: " + response.getBody());
        }
        return sessionId;
    }

    public String createSession() {
        return createSession(SAMPLE_KEY);
    }

    private synchronized RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createSessions() {
        if (createSessions == null) {
            createSessions = Settings.withEnvironment(environment("CreateHostedPaymentFunction"), () -> {
                FunctionWiring wiring = FunctionWiring.fromEnvironment();
                return new MerchantApiHandler(wiring.merchantApi(), wiring.createHostedPaymentEndpoint()) {
                };
            });
        }
        return createSessions;
    }

    /**
     * What the payment page pays with (FunctionWiring.sessionCheckout() from PaymentPageFunction's
     * template variables), for tests that pay a session without the page's HTML.
     */
    public synchronized SessionCheckoutService sessionCheckout() {
        if (sessionCheckout == null) {
            sessionCheckout = Settings.withEnvironment(environment("PaymentPageFunction"),
                    () -> FunctionWiring.fromEnvironment().sessionCheckout());
        }
        return sessionCheckout;
    }

    public PaymentSession storedSession(String sessionId) {
        return DynamoPaymentSessionRepository.sessionsOnly(stack.dynamoDbClient(), table("PaymentSessionsTable"))
                .find(sessionId).orElseThrow(() -> new AssertionError("no stored session " + sessionId));
    }

    /** Replaces the session id everywhere API Gateway puts it: path parameter, raw path, http path. */
    public static APIGatewayV2HTTPEvent withSessionId(APIGatewayV2HTTPEvent event, String sessionId) {
        return withPathParameter(event, "session_id", sessionId);
    }

    /**
     * Records the customer's answer to the 3-D Secure challenge the way the challenge page does
     * (ThreeDSecureChallenges over the real tables and queue), for modules without the page handler.
     */
    public PaymentOutcome recordChallenge(String transactionId, boolean passed) {
        var transactions = transactions();
        var writer = new TransactionWriter(transactions,
                new SqsWebhookJobQueue(stack.sqsClient(), stack.resources().queueUrl("WebhookQueue")),
                webhookEndpoints(), Clock.systemUTC());
        return new ThreeDSecureChallenges(transactions, writer, Clock.systemUTC()).recordChallenge(transactionId, passed);
    }

    // --- stored state -------------------------------------------------------------------------

    public String table(String logicalId) {
        return stack.resources().tableName(logicalId);
    }

    public DynamoTransactionRepository transactions() {
        return new DynamoTransactionRepository(stack.dynamoDbClient(), table("TransactionsTable"),
                table("WebhookEventsTable"));
    }

    public Transaction storedTransaction(String transactionId) {
        return transactions().find(transactionId)
                .orElseThrow(() -> new AssertionError("no stored transaction " + transactionId));
    }

    public Map<String, AttributeValue> rawTransactionItem(String transactionId) {
        return stack.dynamoDbClient().getItem(get -> get.tableName(table("TransactionsTable")).consistentRead(true)
                .key(Map.of("transaction_id", AttributeValue.fromS(transactionId)))).item();
    }

    /** The webhook events (outbox) of one transaction, oldest first. */
    public List<WebhookEvent> webhookEvents(String transactionId) {
        String eventsTable = table("WebhookEventsTable");
        var repository = new DynamoWebhookEventRepository(stack.dynamoDbClient(), eventsTable);
        Transaction transaction = storedTransaction(transactionId);
        List<WebhookEvent> events = new ArrayList<>();
        stack.dynamoDbClient().query(q -> q.tableName(eventsTable).indexName("by_merchant_mode_created")
                        .keyConditionExpression("merchant_mode = :m")
                        .filterExpression("transaction_id = :t")
                        .expressionAttributeValues(Map.of(
                                ":m", AttributeValue.fromS(transaction.merchantId() + "#"
                                        + transaction.mode().wireName()),
                                ":t", AttributeValue.fromS(transactionId))))
                .items()
                .forEach(item -> events.add(repository.find(item.get("event_id").s()).orElseThrow()));
        return events;
    }

    /** Takes every job now on the webhook queue (deleting them) and returns their bodies. */
    public List<String> drainWebhookJobs() {
        return drain("WebhookQueue");
    }

    // --- webhooks: endpoints, events, queues ----------------------------------------------------

    public DynamoWebhookEndpointRepository webhookEndpoints() {
        return new DynamoWebhookEndpointRepository(stack.dynamoDbClient(), table("MerchantsTable"));
    }

    public DynamoWebhookEventRepository webhookEventRepository() {
        return new DynamoWebhookEventRepository(stack.dynamoDbClient(), table("WebhookEventsTable"));
    }

    /**
     * Stores {@code url} as the merchant's webhook endpoint the way PUT /api/webhook-endpoint does
     * (the secret is created on the first call only); returns the signing secret deliveries use.
     */
    public WebhookSecret setWebhookEndpoint(String merchantId, String url) {
        return webhookEndpoints().setUrl(merchantId, url, WebhookSecret.generate()).secret();
    }

    public Optional<WebhookEndpoint> webhookEndpoint(String merchantId) {
        return webhookEndpoints().find(merchantId);
    }

    /** The event with its delivery state and attempts, as stored. */
    public StoredWebhookEvent storedWebhookEvent(String eventId) {
        return webhookEventRepository().findWithDelivery(eventId)
                .orElseThrow(() -> new AssertionError("no stored webhook event " + eventId));
    }

    /** The one webhook event a new payment announced (its outbox entry). */
    public String eventIdOf(CreatedPayment payment) {
        List<WebhookEvent> events = webhookEvents(payment.transactionId());
        if (events.size() != 1) {
            throw new AssertionError("expected one webhook event for " + payment.transactionId() + ", got " + events);
        }
        return events.get(0).eventId();
    }

    /** Deletes every stored webhook event, so a test sees only the events it creates. */
    public void forgetAllWebhookEvents() {
        String eventsTable = table("WebhookEventsTable");
        stack.dynamoDbClient().scanPaginator(scan -> scan.tableName(eventsTable).projectionExpression("event_id"))
                .items().forEach(item -> stack.dynamoDbClient().deleteItem(delete -> delete.tableName(eventsTable)
                        .key(Map.of("event_id", item.get("event_id")))));
    }

    public String queueUrl(String queueLogicalId) {
        return stack.resources().queueUrl(queueLogicalId);
    }

    public String queueArn(String queueLogicalId) {
        return stack.resources().queueArn(queueLogicalId);
    }

    /** Sends a message to one of the template's queues, as a function with SQSSendMessagePolicy would. */
    public void send(String queueLogicalId, String body) {
        stack.sqsClient().sendMessage(send -> send.queueUrl(queueUrl(queueLogicalId)).messageBody(body));
    }

    /**
     * Receives messages as Lambda's SQS event source mapping does (every system attribute, so
     * ApproximateReceiveCount and SentTimestamp are the queue's own) until {@code count} of them match;
     * the others are made visible again at once. The returned messages stay in flight under their
     * receipt handles: delete them, or let their visibility timeout hand them back.
     */
    public List<Message> receive(String queueLogicalId, Predicate<Message> wanted, int count) {
        String url = queueUrl(queueLogicalId);
        List<Message> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            for (Message message : receiveBatch(url, 1)) {
                if (found.size() < count && wanted.test(message)) {
                    found.add(message);
                } else {
                    stack.sqsClient().changeMessageVisibility(change -> change.queueUrl(url)
                            .receiptHandle(message.receiptHandle()).visibilityTimeout(0));
                }
            }
        }
        if (found.size() < count) {
            throw new AssertionError("received " + found.size() + " of " + count + " expected messages from "
                    + queueLogicalId);
        }
        return found;
    }

    /** The one message whose body names {@code eventId}. */
    public Message receiveJob(String queueLogicalId, String eventId) {
        return receive(queueLogicalId, message -> message.body().contains(eventId), 1).get(0);
    }

    /** Every message visible now on the queue, taken off it (deleted); their bodies. */
    public List<String> drain(String queueLogicalId) {
        String url = queueUrl(queueLogicalId);
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = receiveBatch(url, 0);
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(message.body());
                delete(queueLogicalId, message);
            }
        }
    }

    /** Empties the queue, messages in flight (waiting out a visibility timeout) included. */
    public void purge(String queueLogicalId) {
        stack.sqsClient().purgeQueue(p -> p.queueUrl(queueUrl(queueLogicalId)));
    }

    public void delete(String queueLogicalId, Message message) {
        stack.sqsClient().deleteMessage(d -> d.queueUrl(queueUrl(queueLogicalId)).receiptHandle(message.receiptHandle()));
    }

    private List<Message> receiveBatch(String url, int waitSeconds) {
        return stack.sqsClient().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds).messageSystemAttributeNamesWithStrings("All")).messages();
    }

    /**
     * The SQS event Lambda hands the function for {@code received}: one record per message, shaped
     * like the sample {@code sampleRelativePath} (e.g. {@code "webhook-delivery/job.json"}) but with
     * each message's own id, receipt handle (real, so the function can change its visibility), body,
     * MD5 and attributes, and this stack's queue ARN and region.
     */
    public SQSEvent sqsEvent(String sampleRelativePath, String queueLogicalId, List<Message> received) {
        SQSEvent.SQSMessage sample = sqsEvent(sampleRelativePath).getRecords().get(0);
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : received) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
            record.setMessageAttributes(new LinkedHashMap<>());
            record.setEventSource(sample.getEventSource());
            record.setEventSourceArn(queueArn(queueLogicalId));
            record.setAwsRegion(stack.options().region());
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /**
     * Delivers the event's job the way the delivery function does, for modules without its handler:
     * what WebhookDeliveryHandler's no-arg constructor builds (FunctionWiring.webhookJobBatch()) from
     * WebhookDeliveryFunction's template variables gets the job received from the WebhookQueue as an
     * SQS event; a job it finished is deleted, as the event source mapping does, and one it reports as
     * a batch item failure stays on the queue until the visibility timeout the function set.
     */
    public SQSBatchResponse deliverJob(String eventId) {
        Message job = receiveJob("WebhookQueue", eventId);
        SQSBatchResponse response = deliveries().handle(sqsEvent("webhook-delivery/job.json", "WebhookQueue",
                List.of(job)));
        if (response.getBatchItemFailures().isEmpty()) {
            delete("WebhookQueue", job);
        }
        return response;
    }

    private synchronized WebhookJobBatch deliveries() {
        if (deliveries == null) {
            deliveries = Settings.withEnvironment(environment("WebhookDeliveryFunction"),
                    () -> FunctionWiring.fromEnvironment().webhookJobBatch());
        }
        return deliveries;
    }

    public static List<String> batchItemFailures(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    // --- events/ ------------------------------------------------------------------------------

    /** The repository's events/ folder, next to template.yaml. */
    public static Path eventsDirectory() {
        return SamTemplate.locate().getParent().resolve("events");
    }

    /** Loads events/{@code relativePath}, e.g. {@code "health/ok.json"}, as Lambda's runtime would. */
    public static APIGatewayV2HTTPEvent event(String relativePath) {
        Path file = eventsDirectory().resolve(relativePath);
        try {
            return MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + file, e);
        }
    }

    /** Loads an SQS sample (e.g. {@code "webhook-delivery/job.json"}) as the Lambda Java runtime reads it. */
    public static SQSEvent sqsEvent(String relativePath) {
        return readLambdaEvent(relativePath, SQSEvent.class);
    }

    /** Loads an EventBridge scheduled event sample as the Lambda Java runtime reads it. */
    public static ScheduledEvent scheduledEvent(String relativePath) {
        return readLambdaEvent(relativePath, ScheduledEvent.class);
    }

    private static <T> T readLambdaEvent(String relativePath, Class<T> type) {
        Path file = eventsDirectory().resolve(relativePath);
        try {
            return LAMBDA_EVENTS.readValue(Files.readString(file, StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + file, e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Replaces the webhook event id everywhere API Gateway puts it: path parameter, raw path, http path. */
    public static APIGatewayV2HTTPEvent withEventId(APIGatewayV2HTTPEvent event, String eventId) {
        return withPathParameter(event, "event_id", eventId);
    }

    /** Sets the query string as API Gateway would pass it: raw, and parsed into queryStringParameters. */
    public static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, Map<String, String> parameters) {
        StringBuilder raw = new StringBuilder();
        parameters.forEach((name, value) -> raw.append(raw.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        event.setRawQueryString(raw.toString());
        event.setQueryStringParameters(parameters.isEmpty() ? null : new LinkedHashMap<>(parameters));
        return event;
    }

    private static APIGatewayV2HTTPEvent withPathParameter(APIGatewayV2HTTPEvent event, String name, String value) {
        String placeholder = event.getPathParameters().get(name);
        Map<String, String> pathParameters = new LinkedHashMap<>(event.getPathParameters());
        pathParameters.put(name, value);
        event.setPathParameters(pathParameters);
        event.setRawPath(event.getRawPath().replace(placeholder, value));
        var http = event.getRequestContext().getHttp();
        http.setPath(http.getPath().replace(placeholder, value));
        return event;
    }

    /** Replaces the key id everywhere API Gateway puts it: path parameter, raw path, http path. */
    public static APIGatewayV2HTTPEvent withKeyId(APIGatewayV2HTTPEvent event, String keyId) {
        return withPathParameter(event, "key_id", keyId);
    }

    /** Replaces the transaction id everywhere API Gateway puts it: path parameter, raw path, http path. */
    public static APIGatewayV2HTTPEvent withTransactionId(APIGatewayV2HTTPEvent event, String transactionId) {
        return withPathParameter(event, "transaction_id", transactionId);
    }

    public static APIGatewayV2HTTPEvent withApiKey(APIGatewayV2HTTPEvent event, String apiKey) {
        return withHeader(event, "authorization", "Bearer " + apiKey);
    }

    public static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }

    /** Sets one field of the event's JSON body (e.g. confirm-3ds's gateway_id), keeping the rest. */
    public static APIGatewayV2HTTPEvent withJsonField(APIGatewayV2HTTPEvent event, String field, String value) {
        try {
            ObjectNode body = (ObjectNode) MAPPER.readTree(event.getBody());
            body.put(field, value);
            return withBody(event, MAPPER.writeValueAsString(body), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the body as API Gateway would deliver it, content-length included. */
    public static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body, boolean base64) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        event.setBody(base64 ? Base64.getEncoder().encodeToString(bytes) : body);
        event.setIsBase64Encoded(base64);
        return withHeader(event, "content-length", Integer.toString(bytes.length));
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError("response body is not JSON: " + response.getBody(), e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }

    /** The names the Lambda runtime's SQSEventMixin gives SQSEvent. */
    private abstract static class SqsEventNames {
        @JsonProperty("Records")
        abstract List<SQSEvent.SQSMessage> getRecords();

        @JsonProperty("Records")
        abstract void setRecords(List<SQSEvent.SQSMessage> records);
    }

    private abstract static class SqsMessageNames {
        @JsonProperty("eventSourceARN")
        abstract String getEventSourceArn();

        @JsonProperty("eventSourceARN")
        abstract void setEventSourceArn(String arn);
    }

    /** The name the Lambda runtime's ScheduledEventMixin gives ScheduledEvent.detailType. */
    private abstract static class ScheduledEventNames {
        @JsonProperty("detail-type")
        abstract String getDetailType();

        @JsonProperty("detail-type")
        abstract void setDetailType(String detailType);
    }

    private record TestContext(String functionName, String awsRequestId) implements Context {
        @Override
        public String getAwsRequestId() {
            return awsRequestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 15_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
