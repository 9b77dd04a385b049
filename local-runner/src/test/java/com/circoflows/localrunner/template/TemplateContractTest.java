package com.circoflows.localrunner.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.circoflows.adapters.lambda.HttpRoute;
import com.circoflows.config.Settings;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.LocalSecretsManager;
import com.circoflows.localstack.QueueDefinition;
import com.circoflows.localstack.ResolutionContext;
import com.circoflows.localstack.SamTemplate;
import com.circoflows.localstack.TableDefinition;
import com.circoflows.localstack.TemplateValueResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * template.yaml is the source of truth; this fails the build when it and the code disagree about a
 * route, a handler, a table, a queue or an environment variable.
 */
class TemplateContractTest {
    /** Variables a function may be given without reading them at construction. */
    private static final Set<String> OPTIONAL_VARIABLES = Set.of("STAGE", "JAVA_TOOL_OPTIONS", "PUBLIC_BASE_URL",
            "WEBHOOK_SWEEP_GRACE_SECONDS", "GATEWAY_RECONCILIATION_GRACE_SECONDS", "REFUND_SETTLE_GRACE_SECONDS",
            "CAPTURE_WINDOW_SECONDS");
    private static final List<String> CONTRACT_ROUTES = List.of(
            "GET /api/health",
            "POST /api/direct-payment",
            "GET /api/direct-payment/{transaction_id}",
            "POST /api/direct-payment/{transaction_id}/confirm-3ds",
            "POST /api/hosted-payment",
            "GET /api/hosted-payment/{session_id}",
            "POST /api/hosted-payment/{session_id}/cancel",
            "GET /pay/{session_id}",
            "POST /pay/{session_id}",
            "GET /pay/3ds/{transaction_id}",
            "POST /pay/3ds/{transaction_id}",
            "PUT /api/webhook-endpoint",
            "POST /api/webhook-endpoint/rotate-secret",
            "POST /api/webhook-endpoint/expire-previous-secret",
            "GET /api/webhook-events",
            "GET /api/webhook-events/{event_id}",
            "POST /api/webhook-events/{event_id}/redeliver",
            "POST /api/keys",
            "GET /api/keys",
            "DELETE /api/keys/{key_id}");
    /**
     * What each function may do to the keys table beyond reading it: every function that verifies keys
     * records their last use (UpdateItem); only the key functions write more.
     */
    private static final Map<String, Set<String>> KEY_TABLE_WRITES = Map.of(
            "CreateApiKeyFunction", Set.of("dynamodb:PutItem", "dynamodb:UpdateItem"),
            "RevokeApiKeyFunction", Set.of("dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"),
            // Sign-up issues the new merchant's first key; the dashboard verifies no key.
            "DashboardAccountFunction", Set.of("dynamodb:PutItem"));
    /** The dashboard function that revokes keys marks them for as long as the API's functions cache them. */
    private static final Set<String> DASHBOARD_KEY_MANAGERS = Set.of("DashboardSettingsFunction");
    private static final Set<String> RECORDS_KEY_USE = Set.of("dynamodb:UpdateItem");
    /** The tables' KMS key: every function may use it through DynamoDB (see ProductionTemplateTest). */
    static final String TABLES_KEY = "TablesKey";
    /** The logo uploads' bucket: its objects under uploads/ only, the one wildcard a policy may hold (ADR 0021). */
    static final String UPLOAD_BUCKET = "LogoUploadBucket";
    static final Map<String, String> UPLOAD_OBJECTS = Map.of("Fn::Sub", "${" + UPLOAD_BUCKET + ".Arn}/uploads/*");
    private static final Set<String> UPLOAD_ACTIONS = Set.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject");
    static final String BANK_TRANSFERS_TABLE = "BankTransfersTable";
    /** A new bank transfer claims its transfer number with a conditional PutItem; it never reads credits. */
    private static final Set<String> TRANSFER_NUMBER_CLAIM_ACTIONS = Set.of("dynamodb:PutItem", "dynamodb:GetItem");

    /** Handlers that derive keys read the app secret while they are built, as on Lambda: from this stand-in. */
    private static final LocalSecretsManager SECRETS = LocalSecretsManager.start("us-east-1");

    private final SamTemplate template = SamTemplate.load(SamTemplate.locate());
    private final Path repositoryRoot = SamTemplate.locate().getParent();

    @AfterAll
    static void stopSecrets() {
        SECRETS.close();
    }

    @Test
    void everyContractRouteIsServedByExactlyOneFunction() {
        List<String> routes = template.functions().stream()
                .flatMap(f -> f.httpRoutes().stream())
                .map(r -> r.method() + " " + r.path())
                .toList();
        for (String route : CONTRACT_ROUTES) {
            assertEquals(1, routes.stream().filter(route::equals).count(), route + " must be routed exactly once");
        }
        assertEquals(routes.size(), new HashSet<>(routes).size(), "a route is defined twice: " + routes);
    }

    @TestFactory
    Stream<DynamicTest> eachHandlerDeclaresExactlyTheRoutesTheTemplateSendsIt() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Class<?> handler = Class.forName(function.handlerClassName());
            assertTrue(RequestHandler.class.isAssignableFrom(handler), handler + " must be a RequestHandler");
            assertTrue(function.handler().endsWith("::handleRequest"), "Handler must name ::handleRequest");
            assertNotNull(handler.getConstructor(), "Lambda needs a public no-arg constructor");
            Set<String> declared = Arrays.stream(handler.getAnnotationsByType(HttpRoute.class))
                    .map(r -> r.method() + " " + r.path())
                    .collect(Collectors.toSet());
            Set<String> routed = function.httpRoutes().stream()
                    .map(r -> r.method() + " " + r.path())
                    .collect(Collectors.toSet());
            assertEquals(declared, routed, function.logicalId() + ": @HttpRoute and template Events differ");
        }));
    }

    @Test
    void everyHandlerInTheFunctionsFolderIsDeployedFromItsOwnModuleArtifact() throws IOException {
        Map<String, String> handlerModules = new LinkedHashMap<>();
        try (Stream<Path> sources = Files.walk(repositoryRoot.resolve("functions"))) {
            sources.filter(p -> p.toString().endsWith("Handler.java") && p.toString().contains("/src/main/java/"))
                    .forEach(p -> {
                        String module = repositoryRoot.resolve("functions").relativize(p).getName(0).toString();
                        String className = p.toString().replaceAll(".*/src/main/java/", "")
                                .replace(".java", "").replace('/', '.');
                        handlerModules.put(className, module);
                    });
        }
        assertFalse(handlerModules.isEmpty());
        Map<String, FunctionDefinition> byHandler = template.functions().stream()
                .collect(Collectors.toMap(FunctionDefinition::handlerClassName, f -> f));
        handlerModules.forEach((className, module) -> {
            FunctionDefinition function = byHandler.get(className);
            assertNotNull(function, className + " is in functions/ but no template function uses it");
            assertEquals("functions/" + module + "/target/" + module + "-function.jar", function.codeUri(),
                    function.logicalId() + " must deploy its module's shaded jar");
        });
    }

    @TestFactory
    Stream<DynamicTest> eachFunctionIsGivenExactlyTheVariablesItsCodeNeeds() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Map<String, String> environment = resolvedEnvironment(function);
            construct(function, environment); // every variable the code reads is set

            for (String name : environment.keySet()) {
                if (OPTIONAL_VARIABLES.contains(name)) {
                    continue;
                }
                Map<String, String> without = new HashMap<>(environment);
                without.remove(name);
                assertThrows(RuntimeException.class, () -> construct(function, without),
                        function.logicalId() + " is given " + name + " but never reads it: remove it (and its policy)");
            }
        }));
    }

    @Test
    void everyTableIsOnDemandEncryptedWithTheCustomerManagedKeyAndRecoverable() {
        for (TableDefinition table : template.tables()) {
            Map<String, Object> properties = properties(table.logicalId());
            assertEquals("PAY_PER_REQUEST", properties.get("BillingMode"), table.logicalId());
            Map<?, ?> encryption = (Map<?, ?>) properties.get("SSESpecification");
            assertEquals(Boolean.TRUE, encryption.get("SSEEnabled"), table.logicalId() + " must have SSE");
            assertEquals("KMS", encryption.get("SSEType"), table.logicalId() + " must be encrypted with KMS");
            assertEquals(Map.of("Ref", TABLES_KEY), encryption.get("KMSMasterKeyId"),
                    table.logicalId() + " must be encrypted with the stack's customer-managed key");
            assertEquals(Boolean.TRUE, ((Map<?, ?>) properties.get("PointInTimeRecoverySpecification"))
                    .get("PointInTimeRecoveryEnabled"), table.logicalId() + " must have PITR");
        }
        assertEquals("expires_at", template.table("RateLimitsTable").ttlAttribute());
        assertEquals("expires_at", template.table("RiskCountersTable").ttlAttribute());
        assertEquals("expires_at", template.table("IdempotencyTable").ttlAttribute());
        assertEquals("purge_at", template.table("DashboardSessionsTable").ttlAttribute());
        assertEquals("purge_at", template.table("LoginAttemptsTable").ttlAttribute());
    }

    @Test
    void everyApiRouteThatWritesHonoursIdempotencyKeys() {
        for (FunctionDefinition function : template.functions()) {
            boolean writes = function.httpRoutes().stream().anyMatch(r -> r.path().startsWith("/api/")
                    && (r.method().equals("POST") || r.method().equals("PUT")));
            assertEquals(writes, function.rawEnvironment().containsKey("IDEMPOTENCY_TABLE"),
                    function.logicalId() + (writes ? " serves a POST/PUT /api route but has no IDEMPOTENCY_TABLE"
                            : " has IDEMPOTENCY_TABLE but serves no POST/PUT /api route"));
        }
    }

    @Test
    void idempotencyLockLastsExactlyTheFunctionTimeout() throws IOException {
        String text = Files.readString(repositoryRoot.resolve(SamTemplate.FILE_NAME));
        String globals = text.substring(text.indexOf("\nGlobals:"), text.indexOf("\nResources:"));
        java.util.regex.Matcher timeout = java.util.regex.Pattern.compile("\n    Timeout: (\\d+)").matcher(globals);
        assertTrue(timeout.find(), "Globals.Function.Timeout");
        assertEquals(com.circoflows.domain.idempotency.IdempotencyKeys.LOCK.toSeconds(),
                Long.parseLong(timeout.group(1)), "a record left in progress must stay locked as long as a function may run");
    }

    @Test
    void tablesTheAdaptersUseHaveTheKeysTheyWrite() {
        assertEquals("merchant_id", template.table("MerchantsTable").hashKey());
        assertEquals("key_id", template.table("ApiKeysTable").hashKey());
        assertEquals("transaction_id", template.table("TransactionsTable").hashKey());
        assertEquals("event_id", template.table("WebhookEventsTable").hashKey());
        assertEquals("bucket", template.table("RateLimitsTable").hashKey());
        assertEquals("bucket", template.table("RiskCountersTable").hashKey());
        assertEquals("record_key", template.table("IdempotencyTable").hashKey());
        assertEquals("session_id", template.table("PaymentSessionsTable").hashKey());
        assertEquals("transaction_id", template.table("GatewayAuthorizationsTable").hashKey());
        assertNotNull(template.table("TransactionsTable").globalSecondaryIndex("by_merchant_created"));
        assertEquals("touched_at",
                template.table("GatewayAuthorizationsTable").globalSecondaryIndex("by_reconcile_key").rangeKey());
        assertEquals("item_key", template.table("DashboardUsersTable").hashKey());
        assertEquals("merchant_id", template.table("DashboardUsersTable").globalSecondaryIndex("by_merchant").hashKey());
        assertEquals("token_hash", template.table("DashboardSessionsTable").hashKey());
        assertEquals("user_id", template.table("DashboardSessionsTable").globalSecondaryIndex("by_user").hashKey());
        assertEquals("attempt_key", template.table("LoginAttemptsTable").hashKey());
        assertEquals("merchant_id", template.table("LogosTable").hashKey());
        assertEquals("logo_id", template.table("LogosTable").rangeKey());
    }

    @Test
    void logoUploadsLandInAPrivateEncryptedBucketThatForgetsThemAfterADay() {
        Map<String, Object> bucket = properties(UPLOAD_BUCKET);
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true), bucket.get("PublicAccessBlockConfiguration"));
        assertTrue(String.valueOf(bucket.get("BucketEncryption")).contains("SSEAlgorithm"), "uploads are encrypted at rest");
        Map<?, ?> rule = (Map<?, ?>) ((List<?>) ((Map<?, ?>) bucket.get("LifecycleConfiguration")).get("Rules")).get(0);
        assertEquals("uploads/", rule.get("Prefix"));
        assertEquals(1, rule.get("ExpirationInDays"));
        assertEquals("Enabled", rule.get("Status"));
        assertFalse(bucket.containsKey("CorsConfiguration"), "a form post needs no CORS");
        assertEquals(Map.of("Ref", UPLOAD_BUCKET), template.function("DashboardSettingsFunction").rawEnvironment()
                .get("LOGO_UPLOAD_BUCKET"), "only the settings function signs uploads");
    }

    @Test
    void webhookQueueRedrivesToItsDeadLetterQueueAfterSeveralAttempts() {
        QueueDefinition queue = template.queue("WebhookQueue");
        assertNotNull(queue.redrive(), "the webhook queue needs a redrive policy");
        assertEquals("WebhookDeadLetterQueue", queue.redrive().deadLetterQueueLogicalId());
        assertTrue(queue.redrive().maxReceiveCount() > 1);
        assertTrue(template.hasResource("WebhookDeadLetterQueue"));
    }

    @TestFactory
    Stream<DynamicTest> eachFunctionMayTouchExactlyTheTablesAndQueuesItIsGiven() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Set<String> referenced = new HashSet<>();
            function.rawEnvironment().values().forEach(v -> {
                if (v instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id && template.hasResource(id)) {
                    referenced.add(id);
                }
            });
            Set<String> permitted = new HashSet<>();
            Object policies = properties(function.logicalId()).get("Policies");
            for (Object policy : (List<?>) policies) {
                Map<?, ?> entry = (Map<?, ?>) policy;
                if (entry.containsKey("Statement")) {
                    statements(entry).stream().map(TemplateContractTest::resourceOf)
                            .filter(resource -> !resource.equals(TABLES_KEY)).forEach(permitted::add);
                } else {
                    entry.values().forEach(arguments -> ((Map<?, ?>) arguments).values().forEach(target -> {
                        if (target instanceof Map<?, ?> ref) {
                            permitted.add(String.valueOf(referencedId(ref)));
                        }
                    }));
                }
                assertFalse(withoutUploadObjects(entry).contains("*"), function.logicalId() + " has a wildcard policy");
            }
            // Queues an event source reads get their poller permissions from SAM itself.
            Set<String> eventSourceQueues = function.sqsEventSources().stream()
                    .map(source -> source.queueLogicalId()).collect(Collectors.toSet());
            assertTrue(permitted.containsAll(referenced),
                    function.logicalId() + ": every resource in its environment needs a policy");
            Set<String> unexplained = new HashSet<>(permitted);
            unexplained.removeAll(referenced);
            unexplained.removeAll(eventSourceQueues);
            assertTrue(unexplained.isEmpty(), function.logicalId() + ": policies for resources it never uses: "
                    + unexplained);
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachFunctionThatVerifiesKeysMayWriteOnlyWhatItNeedsToTheKeysTable() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Set<String> actions = new HashSet<>();
            for (Object policy : (List<?>) properties(function.logicalId()).get("Policies")) {
                Map<?, ?> entry = (Map<?, ?>) policy;
                if (entry.containsKey("Statement")) {
                    for (Map<?, ?> statement : statements(entry)) {
                        assertEquals("Allow", statement.get("Effect"), function.logicalId());
                        if (resourceOf(statement).equals(TABLES_KEY) || template.secretIds().contains(resourceOf(statement))) {
                            continue; // both held to their one use by ProductionTemplateTest
                        }
                        if (resourceOf(statement).equals("WalletTokensTable")) {
                            assertEquals(Set.of("dynamodb:PutItem"), actionsOf(statement), function.logicalId()
                                    + ": claim a wallet token once (a conditional put), nothing more");
                            continue;
                        }
                        if (resourceOf(statement).equals("BankTransfersTable")) {
                            assertEquals(Set.of("dynamodb:PutItem"), actionsOf(statement), function.logicalId()
                                    + ": claim a transfer number or hold an expired transfer's money (conditional puts)");
                            continue;
                        }
                        if (resourceOf(statement).equals(UPLOAD_BUCKET)) {
                            assertEquals(UPLOAD_OBJECTS, statement.get("Resource"), function.logicalId());
                            assertEquals(UPLOAD_ACTIONS, actionsOf(statement), function.logicalId()
                                    + ": sign the upload form, read the upload back and delete it");
                            continue;
                        }
                        if (resourceOf(statement).equals(BANK_TRANSFERS_TABLE)
                                && function.logicalId().equals("CreateDirectPaymentFunction")) {
                            assertTrue(actionsOf(statement).contains("dynamodb:PutItem")
                                    && TRANSFER_NUMBER_CLAIM_ACTIONS.containsAll(actionsOf(statement)),
                                    function.logicalId() + ": claims transfer numbers, nothing more: " + actionsOf(statement));
                            continue;
                        }
                        assertEquals("ApiKeysTable", resourceOf(statement),
                                function.logicalId() + ": inline statements are for the keys table (and a payment's "
                                        + "transfer number and wallet token claims) only");
                        actions.addAll(actionsOf(statement));
                    }
                }
            }
            boolean verifiesKeys = verifiesKeys(function);
            Set<String> expected = verifiesKeys ? KEY_TABLE_WRITES.getOrDefault(function.logicalId(), RECORDS_KEY_USE)
                    : KEY_TABLE_WRITES.getOrDefault(function.logicalId(), Set.of());
            assertEquals(expected, actions, function.logicalId() + ": writes allowed on the keys table");
        }));
    }

    /** A function given the key table that serves no dashboard page verifies API keys. */
    private static boolean verifiesKeys(FunctionDefinition function) {
        return function.rawEnvironment().containsKey("API_KEYS_TABLE")
                && function.httpRoutes().stream().noneMatch(route -> route.path().startsWith("/dashboard"));
    }

    @Test
    void everyFunctionThatVerifiesKeysCachesThemForTheDocumentedSixtySeconds() {
        for (FunctionDefinition function : template.functions()) {
            boolean cachesOrMarks = verifiesKeys(function) || DASHBOARD_KEY_MANAGERS.contains(function.logicalId());
            assertEquals(cachesOrMarks ? "60" : null, function.rawEnvironment().get("API_KEY_CACHE_TTL_SECONDS"),
                    function.logicalId() + ": the revocation delay docs/api.md promises");
        }
    }

    @Test
    void retryScheduleHasOneAttemptPerReceiveBeforeTheDeadLetterQueue() {
        Object schedule = template.function("WebhookDeliveryFunction").rawEnvironment().get("WEBHOOK_RETRY_SCHEDULE");
        int attempts = com.circoflows.domain.webhook.RetrySchedule.parse(String.valueOf(schedule)).attempts();
        assertEquals(template.queue("WebhookQueue").redrive().maxReceiveCount(), attempts);
        assertTrue(com.circoflows.domain.webhook.RetrySchedule.parse(String.valueOf(schedule)).totalSpan()
                .compareTo(java.time.Duration.ofHours(60)) > 0, "retries should span about three days");
    }

    @Test
    void deliveryFunctionReportsPartialBatchFailuresAndTheDeadLetterQueueIsWatched() {
        assertTrue(template.function("WebhookDeliveryFunction").sqsEventSources().get(0).reportsBatchItemFailures());
        assertEquals("WebhookQueue", template.function("WebhookDeliveryFunction").sqsEventSources().get(0).queueLogicalId());
        assertEquals("WebhookDeadLetterQueue",
                template.function("WebhookDeadLetterFunction").sqsEventSources().get(0).queueLogicalId());
        assertEquals("AWS::CloudWatch::Alarm", template.resourceType("WebhookDeadLetterAlarm"));
        assertFalse(template.function("WebhookSweeperFunction").scheduleEventSources().isEmpty());
        int visibility = template.queue("WebhookQueue").visibilityTimeoutSeconds();
        Object timeout = properties("WebhookDeliveryFunction").get("Timeout");
        assertTrue(visibility >= 6 * ((Number) timeout).intValue(), "queue visibility must be >= 6x the timeout");
    }

    private static List<Map<?, ?>> statements(Map<?, ?> policy) {
        return ((List<?>) policy.get("Statement")).stream().<Map<?, ?>>map(statement -> (Map<?, ?>) statement).toList();
    }

    /** The one resource an inline statement names, as a logical id (!GetAtt X.Arn, or the upload bucket's objects). */
    private static String resourceOf(Map<?, ?> statement) {
        Object resource = statement.get("Resource");
        assertTrue(resource instanceof Map<?, ?>, "one resource by reference, not " + resource);
        if (UPLOAD_OBJECTS.equals(resource)) {
            return UPLOAD_BUCKET;
        }
        return String.valueOf(referencedId((Map<?, ?>) resource));
    }

    private static String withoutUploadObjects(Map<?, ?> policy) {
        return policy.toString().replace(UPLOAD_OBJECTS.get("Fn::Sub"), "");
    }

    private static Set<String> actionsOf(Map<?, ?> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.toSet())
                : Set.of(String.valueOf(action));
    }

    private static Object referencedId(Map<?, ?> ref) {
        return ref.containsKey("Ref") ? ref.get("Ref") : ((List<?>) ref.get("Fn::GetAtt")).get(0);
    }

    private Map<String, String> resolvedEnvironment(FunctionDefinition function) {
        ResolutionContext context = ResolutionContext.of("contract-test", "us-east-1",
                Map.of("PublicBaseUrl", "https://pay.example.com"));
        for (String secret : template.secretIds()) {
            context = context.withSecret(secret, SECRETS.put("contract-test-" + secret, "x".repeat(48)));
        }
        for (TableDefinition table : template.tables()) {
            context = context.withTable(table.logicalId(), "contract-test-" + table.logicalId());
        }
        for (QueueDefinition queue : template.queues()) {
            context = context.withQueue(queue.logicalId(), "http://127.0.0.1:1/000000000000/" + queue.logicalId(),
                    "arn:aws:sqs:us-east-1:000000000000:" + queue.logicalId());
        }
        Map<String, String> environment = new LinkedHashMap<>(
                new TemplateValueResolver(template).resolveEnvironment(function, context));
        return environment;
    }

    /** Construction wires clients but sends nothing, so no AWS is needed here. */
    private static void construct(FunctionDefinition function, Map<String, String> templateEnvironment) {
        Map<String, String> environment = new HashMap<>(templateEnvironment);
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "contract-test");
        environment.put("AWS_SECRET_ACCESS_KEY", "contract-test");
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", SECRETS.endpoint().toString());
        Settings.withEnvironment(environment, () -> {
            try {
                return Class.forName(function.handlerClassName()).getConstructor().newInstance();
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) template.resource(logicalId).get("Properties");
    }
}
