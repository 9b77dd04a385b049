package com.circoflows.testsupport;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEventRepository;
import com.circoflows.adapters.lambda.MerchantApiHandler;
import com.circoflows.adapters.sqs.SqsWebhookJobQueue;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.config.Settings;
import com.circoflows.domain.gateway.TestModeCardGateway;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.ThreeDSecureService;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import com.circoflows.localstack.SamTemplate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
    public static final String APP_SECRET_KEY = "handler-it-app-secret-key-0123456789abcdefghij";
    public static final String LOCAL_PUBLIC_BASE_URL = "http://localhost:3000";
    /** Test-only cost; a hash carries its cost, so production's cost-10 verifier accepts it. */
    private static final int TEST_BCRYPT_COST = 4;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final LocalStack stack;
    private final String merchantId;
    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createPayments;

    private HandlerTestEnvironment(LocalStack stack) {
        this.stack = stack;
        this.merchantId = onboard(SAMPLE_MERCHANT_NAME, SAMPLE_KEY);
    }

    /** Starts a fresh stack and registers the sample key for "Events Merchant". */
    public static HandlerTestEnvironment start() {
        LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withParameter("AppSecretKey", APP_SECRET_KEY));
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
        String key = "cf_test_" + RandomIds.base62(48);
        onboard(name, key);
        return key;
    }

    private String onboard(String name, String key) {
        var merchants = new DynamoMerchantRepository(stack.dynamoDbClient(), table("MerchantsTable"));
        var keys = new DynamoApiKeyRepository(stack.dynamoDbClient(), table("ApiKeysTable"));
        return new MerchantOnboarding(merchants,
                new ApiKeyIssuer(keys, new BcryptSecretHasher(TEST_BCRYPT_COST), Clock.systemUTC()),
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

    /**
     * Records the customer's answer to the 3-D Secure challenge the way the challenge page does
     * (ThreeDSecureService over the real tables and queue), for modules without the page handler.
     */
    public PaymentOutcome recordChallenge(String transactionId, boolean passed) {
        var transactions = transactions();
        var writer = new TransactionWriter(transactions,
                new SqsWebhookJobQueue(stack.sqsClient(), stack.resources().queueUrl("WebhookQueue")),
                Clock.systemUTC());
        return new ThreeDSecureService(new TestModeCardGateway(), transactions, writer, Clock.systemUTC())
                .recordChallenge(transactionId, passed);
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
        stack.dynamoDbClient().query(q -> q.tableName(eventsTable).indexName("by_merchant_created")
                        .keyConditionExpression("merchant_id = :m")
                        .filterExpression("transaction_id = :t")
                        .expressionAttributeValues(Map.of(
                                ":m", AttributeValue.fromS(transaction.merchantId()),
                                ":t", AttributeValue.fromS(transactionId))))
                .items()
                .forEach(item -> events.add(repository.find(item.get("event_id").s()).orElseThrow()));
        return events;
    }

    /** Takes every job now on the webhook queue (deleting them) and returns their bodies. */
    public List<String> drainWebhookJobs() {
        String queueUrl = stack.resources().queueUrl("WebhookQueue");
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = stack.sqsClient().receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(message.body());
                stack.sqsClient().deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
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

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Replaces the transaction id everywhere API Gateway puts it: path parameter, raw path, http path. */
    public static APIGatewayV2HTTPEvent withTransactionId(APIGatewayV2HTTPEvent event, String transactionId) {
        String placeholder = event.getPathParameters().get("transaction_id");
        Map<String, String> pathParameters = new LinkedHashMap<>(event.getPathParameters());
        pathParameters.put("transaction_id", transactionId);
        event.setPathParameters(pathParameters);
        event.setRawPath(event.getRawPath().replace(placeholder, transactionId));
        var http = event.getRequestContext().getHttp();
        http.setPath(http.getPath().replace(placeholder, transactionId));
        return event;
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
