package com.circoflows.localrunner.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import com.circoflows.localstack.LocalStacks;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What `sam deploy` uploads is each function's shaded jar, not our Maven classpath. This loads every
 * jar the template's CodeUri names into a class loader of its own (nothing else on it), constructs
 * the handler the way Lambda does, and runs a sample event from events/ through it against DynamoDB
 * Local and ElasticMQ: a jar missing a class or a service file fails here, not in AWS.
 *
 * <p>HTTP functions answer with a status; SQS functions with an SQSBatchResponse, whose
 * batchItemFailures must be empty (the sample's job is acknowledged); the schedule function with the
 * number of events it queued again. Every event object is the jar's own class.
 */
class DeployableArtifactsIT {
    private static final String SAMPLE_KEY = "cf_test_SAMPLEkeyForEvents00ReplaceWithYourOwnTestKey000";
    private static final List<String> FORBIDDEN_PACKAGES = List.of(
            "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/nio/netty/", "org/apache/http/",
            "io/netty/", "com/amazonaws/services/dynamodbv2/local/", "org/elasticmq/");
    /**
     * Dead weight for HTTP functions. Not forbidden for SQS and schedule functions: the Lambda Java
     * runtime needs org.joda.time.DateTime in their jar to read SQSEvent or ScheduledEvent (see
     * {@link #eventDrivenJarsHoldWhatTheLambdaJavaRuntimeLoadsToReadTheirEvents}).
     */
    private static final String JODA = "org/joda/time/";
    private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";
    /**
     * Event types this template's functions take that the Lambda Java runtime reads with
     * LambdaEventSerializers (its "supported events"; APIGatewayV2HTTPEvent is not one of them).
     */
    private static final List<String> RUNTIME_SERIALIZED_EVENTS = List.of(
            EVENTS_PACKAGE + "SQSEvent", EVENTS_PACKAGE + "ScheduledEvent");
    private static final Map<String, Sample> SAMPLES = Map.ofEntries(
            Map.entry("HealthFunction", Sample.http("events/health/ok.json", 200)),
            Map.entry("CreateDirectPaymentFunction", Sample.http("events/direct-payment-create/success.json", 200)),
            Map.entry("GetDirectPaymentFunction", Sample.http("events/direct-payment-status/not-found.json", 404)),
            Map.entry("ListDirectPaymentsFunction", Sample.http("events/direct-payments-list/first-page.json", 200)),
            Map.entry("ListHostedPaymentsFunction", Sample.http("events/hosted-payments-list/first-page.json", 200)),
            Map.entry("ConfirmThreeDSecureFunction",
                    Sample.http("events/direct-payment-confirm-3ds/bad-input.json", 400)),
            Map.entry("ThreeDSecurePageFunction", Sample.http("events/three-ds-page/show.json", 404)),
            // create.json's webhook host is resolved, so its answer depends on the network; bad-input.json's does not.
            Map.entry("CreateHostedPaymentFunction", Sample.http("events/hosted-payment-create/bad-input.json", 400)),
            Map.entry("GetHostedPaymentFunction", Sample.http("events/hosted-payment-status/not-found.json", 404)),
            Map.entry("CancelHostedPaymentFunction", Sample.http("events/hosted-payment-cancel/not-found.json", 404)),
            Map.entry("PaymentPageFunction", Sample.http("events/payment-page/show.json", 404)),
            Map.entry("SetWebhookEndpointFunction", Sample.http("events/webhook-endpoint-set/private-address.json", 400)),
            Map.entry("RotateWebhookSecretFunction", Sample.http("events/webhook-endpoint-rotate/rotate.json", 200)),
            Map.entry("ExpirePreviousWebhookSecretFunction",
                    Sample.http("events/webhook-endpoint-expire-previous-secret/expire.json", 200)),
            Map.entry("ListWebhookEventsFunction", Sample.http("events/webhook-events-list/first-page.json", 200)),
            Map.entry("GetWebhookEventFunction", Sample.http("events/webhook-event-get/not-found.json", 404)),
            Map.entry("RedeliverWebhookEventFunction",
                    Sample.http("events/webhook-event-redeliver/not-found.json", 404)),
            // A second key for the artifact merchant; its sample key stays active for the other samples.
            Map.entry("CreateApiKeyFunction", Sample.http("events/api-key-create/create.json", 200)),
            Map.entry("ListApiKeysFunction", Sample.http("events/api-keys-list/first-page.json", 200)),
            Map.entry("RevokeApiKeyFunction", Sample.http("events/api-key-revoke/not-found.json", 404)),
            // The job's event does not exist: the job is done (acknowledged), nothing is posted.
            Map.entry("WebhookDeliveryFunction", Sample.sqs("events/webhook-delivery/job.json")),
            Map.entry("WebhookDeadLetterFunction", Sample.sqs("events/webhook-dead-letter/dead-letter.json")),
            // The template's 120 s grace: no event of this fresh stack is overdue.
            Map.entry("WebhookSweeperFunction",
                    Sample.schedule("events/webhook-sweeper/scheduled.json", "requeued_events", 0)),
            Map.entry("CapturePaymentFunction", Sample.http("events/direct-payment-capture/not-found.json", 404)),
            Map.entry("CancelPaymentFunction", Sample.http("events/direct-payment-cancel/not-found.json", 404)),
            Map.entry("CreateRefundFunction", Sample.http("events/refund-create/not-found.json", 404)),
            Map.entry("ListRefundsFunction", Sample.http("events/refunds-list/not-found.json", 404)),
            // Nothing pending on a fresh stack.
            Map.entry("PaymentSettlementFunction",
                    Sample.schedule("events/payment-settlement/scheduled.json", "settled_refunds", 0)),
            // Refused before anything is read, whether or not the artifact merchant has an endpoint.
            Map.entry("SendTestWebhookEventFunction", Sample.http("events/webhook-endpoint-test/typed.json", 400)),
            Map.entry("GetBrandingFunction", Sample.http("events/branding-get/get.json", 200)),
            // Refused: the sample merchant's branding stays as other samples expect it.
            Map.entry("SetBrandingFunction", Sample.http("events/branding-set/unreadable-color.json", 400)),
            Map.entry("DashboardAccountFunction", Sample.http("events/dashboard-account/login-page.json", 200)),
            // Signed out: sent to sign-in, which proves the jar builds its pages and reads its stores' names.
            Map.entry("DashboardSettingsFunction", Sample.http("events/dashboard-settings/api-keys-signed-out.json", 303)),
            Map.entry("DashboardPaymentsFunction", Sample.http("events/dashboard-payments/payments-signed-out.json", 303)),
            // Refused before the feed is touched: no payment of the artifact merchant has this id.
            Map.entry("FundTestBankTransferFunction", Sample.http("events/bank-transfer-test-fund/not-found.json", 404)),
            // Mints a token for the artifact merchant: reads nothing but the key, writes nothing but the rate limit.
            Map.entry("MintTestWalletTokenFunction", Sample.http("events/wallet-token-test-mint/google-pay.json", 201)),
            // The credit names no payment of this fresh stack: held as unmatched, which acknowledges it.
            Map.entry("BankCreditsFunction", Sample.sqs("events/bank-credits/credit.json")),
            // A query of the held-credit index: the artifact merchant has none, an empty page.
            Map.entry("ListBankCreditsFunction", Sample.http("events/bank-credits-list/list.json", 200)),
            // Unknown credit ids: each reads the bank transfers table and refuses; nothing is written.
            Map.entry("GetBankCreditFunction", Sample.http("events/bank-credit-get/not-found.json", 404)),
            Map.entry("AssignBankCreditFunction", Sample.http("events/bank-credit-assign/not-found.json", 404)),
            Map.entry("ReturnBankCreditFunction", Sample.http("events/bank-credit-return/not-found.json", 404)));

    /** Issue 6's goal for every deployable jar, in bytes (decimal MB, the stricter reading of "10 MB"). */
    private static final long SIZE_GOAL_BYTES = 10_000_000;

    private static LocalStack stack;
    private static Path root;

    @BeforeAll
    static void startStack() {
        stack = LocalStacks.start(LocalStackOptions.defaults()
                .withSecret("AppSecret", "deployable-artifacts-it-secret-0123456789")
                .withParameter("PublicBaseUrl", "http://localhost:3000"));
        root = com.circoflows.localstack.SamTemplate.locate().getParent();
        Clock clock = Clock.systemUTC();
        new MerchantOnboarding(
                new DynamoMerchantRepository(stack.dynamoDbClient(), stack.resources().tableName("MerchantsTable")),
                new ApiKeyIssuer(new DynamoApiKeyRepository(stack.dynamoDbClient(),
                        stack.resources().tableName("ApiKeysTable")), new Sha256SecretHasher(), clock),
                clock).createMerchantWithKey("Artifact Merchant", SAMPLE_KEY);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @TestFactory
    List<DynamicTest> eachShadedJarServesItsSampleEventOnItsOwn() {
        assertEquals(SAMPLES.keySet(), Map.copyOf(stack.template().functions().stream()
                .collect(java.util.stream.Collectors.toMap(FunctionDefinition::logicalId, f -> 1))).keySet(),
                "every template function needs a sample here");
        return stack.template().functions().stream()
                .map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> runSample(function)))
                .toList();
    }

    private static void runSample(FunctionDefinition function) throws Exception {
        Path jar = root.resolve(function.codeUri());
        assertTrue(Files.isRegularFile(jar), jar + " is not built (mvn package)");
        Sample sample = SAMPLES.get(function.logicalId());
        assertEquals(sample.trigger(), Trigger.of(function), function.logicalId() + ": the sample's kind of event");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(e -> e.getName()).forEach(name -> forbiddenFor(function).forEach(forbidden ->
                    assertFalse(name.startsWith(forbidden), jar.getFileName() + " must not contain " + name)));
        }
        Map<String, String> environment = new HashMap<>(stack.environmentOf(function));
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDb().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", stack.sqs().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", stack.secretsManager().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_S3", stack.s3().endpoint().toString());
        environment.put("CIRCOFLOWS_LOCAL_MODE", "true");

        try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Object handler = construct(isolated, function.handlerClassName(), environment);
            String json = Files.readString(root.resolve(sample.event()));
            Object event = switch (sample.trigger()) {
                case HTTP -> readEvent(isolated, json, "APIGatewayV2HTTPEvent");
                case SQS -> readSqsEvent(isolated, json);
                case SCHEDULE -> scheduledEvent(isolated, json);
            };
            Method handle = findHandleRequest(handler.getClass(), event.getClass());
            Object response = invoke(handle, handler, event);
            switch (sample.trigger()) {
                case HTTP -> {
                    int status = (Integer) response.getClass().getMethod("getStatusCode").invoke(response);
                    String body = (String) response.getClass().getMethod("getBody").invoke(response);
                    assertEquals(sample.expected(), status, function.logicalId() + ": " + body);
                }
                case SQS -> {
                    assertEquals(EVENTS_PACKAGE + "SQSBatchResponse", response.getClass().getName(),
                            function.logicalId() + " reports partial batch failures (ReportBatchItemFailures)");
                    assertTrue(response.getClass().getClassLoader() == isolated, "the jar's own SQSBatchResponse");
                    List<?> failures = (List<?>) response.getClass().getMethod("getBatchItemFailures").invoke(response);
                    assertEquals(List.of(), failures, function.logicalId() + ": the sample job is acknowledged");
                }
                case SCHEDULE -> assertEquals(sample.expected(), ((Map<?, ?>) response).get(sample.resultKey()),
                        function.logicalId() + ": " + sample.resultKey() + " in " + response);
            }
        }
    }

    @Test
    void everyDeployableJarIsUnderTenMegabytes() throws Exception {
        List<String> over = new ArrayList<>();
        for (FunctionDefinition function : stack.template().functions()) {
            Path jar = root.resolve(function.codeUri());
            long size = Files.size(jar);
            if (size >= SIZE_GOAL_BYTES) {
                over.add(jar.getFileName() + " " + size + " bytes");
            }
        }
        assertEquals(List.of(), over, "deployable jars of 10,000,000 bytes or more");
    }

    private static List<String> forbiddenFor(FunctionDefinition function) {
        List<String> forbidden = new ArrayList<>(FORBIDDEN_PACKAGES);
        if (Trigger.of(function) == Trigger.HTTP) {
            forbidden.add(JODA);
        }
        return forbidden;
    }

    private static Object invoke(Method handle, Object handler, Object event) throws Exception {
        try {
            return handle.invoke(handler, event, null);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * The Lambda Java runtime reads the SQS functions' events with its own serializer for supported
     * events, whose mixins map {@code Records} and {@code eventSourceARN} onto SQSEvent's records and
     * eventSourceArn. Jackson does the same here with case-insensitive property names (those two
     * renames are only a matter of case); the record is then checked so an event that lost its records
     * can't pass for an acknowledged batch.
     */
    private static Object readSqsEvent(ClassLoader loader, String json) throws Exception {
        Object event = readEvent(loader, json, "SQSEvent", "ACCEPT_CASE_INSENSITIVE_PROPERTIES");
        List<?> records = (List<?>) event.getClass().getMethod("getRecords").invoke(event);
        assertEquals(1, records == null ? 0 : records.size(), "the sample's one record, as the runtime reads it");
        Object record = records.get(0);
        for (String getter : List.of("getMessageId", "getReceiptHandle", "getBody", "getEventSourceArn",
                "getAwsRegion", "getAttributes")) {
            assertTrue(record.getClass().getMethod(getter).invoke(record) != null, "record." + getter + "()");
        }
        return event;
    }

    /**
     * A ScheduledEvent of the jar's own class, for the sweeper, which does not read it: the sample is
     * only checked to be a scheduled event, and an empty event of the jar's class is passed. The sample itself is checked by SampleEventsTest and
     * read by the sweeper's handler test; the runtime's view of it is the BUG test below.
     */
    private static Object scheduledEvent(ClassLoader loader, String json) throws Exception {
        Map<?, ?> fields = new ObjectMapper().readValue(json, Map.class);
        assertEquals("Scheduled Event", fields.get("detail-type"), "the sample is an EventBridge scheduled event");
        return loader.loadClass(EVENTS_PACKAGE + "ScheduledEvent").getConstructor().newInstance();
    }

    /**
     * For the event types it supports (SQSEvent and ScheduledEvent among them, APIGatewayV2HTTPEvent
     * not) the Lambda Java runtime deserializes with LambdaEventSerializers, which registers a
     * DateTimeModule that loads org.joda.time.DateTime from the function's class loader, whatever the
     * event: a jar without joda-time fails every invocation with "ClassNotFoundException:
     * org.joda.time.DateTime" before the handler runs (checked against
     * com.amazonaws:aws-lambda-java-serialization 1.2.0). So those jars must carry it, and the HTTP
     * ones must not. Neither the local runner (which passes event objects) nor the handler tests
     * (Maven classpath) would see it missing.
     */
    @Test
    void eventDrivenJarsHoldWhatTheLambdaJavaRuntimeLoadsToReadTheirEvents() throws Exception {
        List<String> missing = new ArrayList<>();
        for (FunctionDefinition function : stack.template().functions()) {
            Path jar = root.resolve(function.codeUri());
            try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                String eventType = eventTypeOf(isolated.loadClass(function.handlerClassName()));
                if (eventType == null || !RUNTIME_SERIALIZED_EVENTS.contains(eventType)) {
                    continue; // e.g. APIGatewayV2HTTPEvent, or a RequestStreamHandler: no DateTimeModule involved
                }
                if (isolated.findResource("org/joda/time/DateTime.class") == null) {
                    missing.add(function.logicalId() + " (" + eventType.substring(EVENTS_PACKAGE.length()) + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "jars without org.joda.time.DateTime, which the Lambda runtime's event "
                + "serializer loads to read these event types");
    }

    /** The event type of the handler's handleRequest(event, Context), or null if it has none. */
    private static String eventTypeOf(Class<?> handlerClass) {
        for (Method method : handlerClass.getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2 && !method.isBridge()
                    && method.getParameterTypes()[1].getName().equals("com.amazonaws.services.lambda.runtime.Context")) {
                return method.getParameterTypes()[0].getName();
            }
        }
        return null;
    }

    /** Settings.withEnvironment from the jar's own copy of the class, as the handler will read it. */
    @SuppressWarnings("unchecked")
    private static Object construct(ClassLoader loader, String handlerClass, Map<String, String> environment)
            throws Exception {
        Class<?> settings = loader.loadClass("com.circoflows.config.Settings");
        Method withEnvironment = settings.getMethod("withEnvironment", Map.class, Supplier.class);
        Supplier<Object> construction = () -> {
            try {
                return loader.loadClass(handlerClass).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        return withEnvironment.invoke(null, environment, construction);
    }

    /**
     * The event class comes from the jar; the JSON reader is this test's own Jackson, as on Lambda,
     * where the runtime reads events with the Jackson it carries itself (the jars have no data binding).
     *
     * @param mapperFeatures names of com.fasterxml.jackson.databind.MapperFeature to enable
     */
    private static Object readEvent(ClassLoader loader, String json, String eventType, String... mapperFeatures)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        for (String name : mapperFeatures) {
            mapper.configure(MapperFeature.valueOf(name), true);
        }
        Class<?> eventClass = loader.loadClass(EVENTS_PACKAGE + eventType);
        return mapper.readValue(json, eventClass);
    }

    /** The handler's handleRequest for exactly this (jar-loaded) event class, as Lambda resolves it. */
    private static Method findHandleRequest(Class<?> handlerClass, Class<?> eventClass) {
        for (Method method : handlerClass.getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2
                    && !method.isBridge() && method.getParameterTypes()[0] == eventClass) {
                return method;
            }
        }
        throw new IllegalStateException(handlerClass + " has no handleRequest(" + eventClass.getSimpleName()
                + ", Context)");
    }

    private enum Trigger {
        HTTP, SQS, SCHEDULE;

        static Trigger of(FunctionDefinition function) {
            if (!function.sqsEventSources().isEmpty()) {
                return SQS;
            }
            return function.scheduleEventSources().isEmpty() ? HTTP : SCHEDULE;
        }
    }

    /** @param expected the HTTP status, or the schedule handler's return value; unused for SQS */
    /** @param resultKey for a schedule, the count in the function's result that must be {@code expected} */
    private record Sample(String event, Trigger trigger, int expected, String resultKey) {
        static Sample http(String event, int status) {
            return new Sample(event, Trigger.HTTP, status, null);
        }

        static Sample sqs(String event) {
            return new Sample(event, Trigger.SQS, 0, null);
        }

        static Sample schedule(String event, String resultKey, int count) {
            return new Sample(event, Trigger.SCHEDULE, count, resultKey);
        }
    }
}
