package com.circoflows.localrunner.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.idempotency.IdempotencyKeys;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.SamTemplate;
import com.circoflows.observability.EmfMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What a production deployment needs beyond the local contract (TemplateContractTest): runtime,
 * SnapStart, sizing, logs, tracing, encryption, least privilege, alarms and outputs.
 */
class ProductionTemplateTest {
    /** Off the customer's path, and warm or rare enough that a snapshot would not pay for a version per deploy. */
    private static final Set<String> WITHOUT_SNAPSTART = Set.of("WebhookDeadLetterFunction", "WebhookSweeperFunction",
            "PaymentSettlementFunction");
    /** Lambda sets these itself; the template must not. */
    private static final Set<String> LAMBDA_RESERVED = Set.of("AWS_REGION", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
    /** The SDK's endpoint overrides, which only the local stack sets; on AWS the default endpoints apply. */
    private static final Set<String> LOCAL_ENDPOINTS = Set.of("AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SQS",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL_S3");
    /** What outlives the stack: the data, the key it is encrypted with, the secret it is keyed with, and the logs. */
    private static final Set<String> RETAINED_TYPES = Set.of("AWS::DynamoDB::Table", "AWS::SQS::Queue",
            "AWS::SecretsManager::Secret", "AWS::KMS::Key", "AWS::Logs::LogGroup");
    private static final String APP_SECRET = "AppSecret";
    private static final String APP_SECRET_VARIABLE = "APP_SECRET_ARN";
    /** Each secret's ARN variable: a function given it may read that secret, and no other. */
    private static final Map<String, String> SECRET_VARIABLES = Map.of(APP_SECRET_VARIABLE, APP_SECRET,
            "WALLET_KEYS_SECRET_ARN", "WalletKeysSecret");
    /** Set only by the cold-start benchmark's AWS CRT variant; deployed functions use url-connection. */
    private static final Set<String> BENCHMARK_ONLY = Set.of("AWS_HTTP_CLIENT");
    /** SQS's default when a queue sets none. */
    private static final int DEFAULT_VISIBILITY_TIMEOUT = 30;
    private static final Pattern VARIABLE_READ = Pattern.compile(
            "(?:required|optional|seconds)\\(\\s*\"([A-Z][A-Z0-9_]+)\"");
    private static final Set<String> ALARMS = Set.of("ApiServerErrorRateAlarm", "LambdaThrottlesAlarm",
            "WebhookDeadLetterAlarm", "WebhookFailureRateAlarm");

    private final Path templateFile = SamTemplate.locate();
    private final SamTemplate template = SamTemplate.load(templateFile);
    private final Path repositoryRoot = templateFile.getParent();

    @Test
    void everyFunctionRunsJava21OnArm64FromTheGlobals() {
        Map<String, Object> globals = globalsFunction();
        assertEquals("java21", globals.get("Runtime"));
        assertEquals(List.of("arm64"), globals.get("Architectures"));
        assertEquals("Active", globals.get("Tracing"), "every function sends X-Ray traces");
        for (FunctionDefinition function : template.functions()) {
            Map<String, Object> properties = properties(function.logicalId());
            for (String overridden : List.of("Runtime", "Architectures", "Tracing")) {
                assertFalse(properties.containsKey(overridden), function.logicalId() + " overrides " + overridden);
            }
        }
        String tieredFlags = String.valueOf(
                ((Map<?, ?>) ((Map<?, ?>) globals.get("Environment")).get("Variables")).get("JAVA_TOOL_OPTIONS"));
        assertTrue(tieredFlags.contains("-XX:+TieredCompilation") && tieredFlags.contains("-XX:TieredStopAtLevel=1"));
    }

    @TestFactory
    Stream<DynamicTest> latencySensitiveFunctionsStartFromASnapStartSnapshotBehindTheLiveAlias() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Map<String, Object> properties = properties(function.logicalId());
            boolean expected = !WITHOUT_SNAPSTART.contains(function.logicalId());
            if (!function.httpRoutes().isEmpty()) {
                assertTrue(expected, function.logicalId() + " serves HTTP: it must use SnapStart");
            }
            if (expected) {
                assertEquals(Map.of("ApplyOn", "PublishedVersions"), properties.get("SnapStart"), function.logicalId());
                // SAM points the function's API routes and event source mappings at this alias.
                assertEquals("live", properties.get("AutoPublishAlias"), function.logicalId());
            } else {
                assertFalse(properties.containsKey("SnapStart"), function.logicalId());
                assertFalse(properties.containsKey("AutoPublishAlias"), function.logicalId());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachFunctionLogsJsonToItsOwnLogGroupWithTheStagesRetention() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Map<?, ?> logging = (Map<?, ?>) properties(function.logicalId()).get("LoggingConfig");
            assertNotNull(logging, function.logicalId() + " needs LoggingConfig");
            assertEquals("JSON", logging.get("LogFormat"));
            String logGroup = String.valueOf(((Map<?, ?>) logging.get("LogGroup")).get("Ref"));
            assertEquals(function.logicalId() + "LogGroup", logGroup);
            assertEquals("AWS::Logs::LogGroup", template.resourceType(logGroup));
            assertEquals(Map.of("Fn::FindInMap", List.of("StageSettings", Map.of("Ref", "Stage"), "LogRetentionDays")),
                    properties(logGroup).get("RetentionInDays"));
        }));
    }

    @Test
    void devKeepsLogsAFortnightAndProdAYear() {
        Map<?, ?> stages = (Map<?, ?>) ((Map<?, ?>) root().get("Mappings")).get("StageSettings");
        assertEquals(14, ((Map<?, ?>) stages.get("dev")).get("LogRetentionDays"));
        assertEquals(365, ((Map<?, ?>) stages.get("prod")).get("LogRetentionDays"));
        assertEquals(Set.of("dev", "prod"), new HashSet<>(stages.keySet().stream().map(String::valueOf).toList()));
    }

    @TestFactory
    Stream<DynamicTest> eachFunctionIsSizedAndTimedForItsWork() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Map<String, Object> properties = properties(function.logicalId());
            Object memory = properties.get("MemorySize");
            assertTrue(memory instanceof Integer mb && mb >= 512 && mb <= 3008,
                    function.logicalId() + " needs a measured MemorySize, not " + memory);
            int timeout = properties.containsKey("Timeout") ? (Integer) properties.get("Timeout")
                    : (Integer) globalsFunction().get("Timeout");
            if (!function.httpRoutes().isEmpty()) {
                assertEquals(IdempotencyKeys.LOCK.toSeconds(), timeout,
                        function.logicalId() + ": an HTTP function must not outlive the idempotency lock");
            }
            for (var source : function.sqsEventSources()) {
                Integer visibility = template.queue(source.queueLogicalId()).visibilityTimeoutSeconds();
                assertTrue((visibility == null ? DEFAULT_VISIBILITY_TIMEOUT : visibility) >= timeout,
                        function.logicalId() + ": a job must not reappear while its function still runs");
            }
            assertTrue(timeout <= 900);
        }));
    }

    @Test
    void thePaymentPathHasAFullVcpu() {
        // The functions that authorise a card: the fraud screen, the gateway call.
        for (String id : List.of("CreateDirectPaymentFunction", "ConfirmThreeDSecureFunction", "PaymentPageFunction")) {
            assertTrue((Integer) properties(id).get("MemorySize") >= 1769, id + ": Lambda gives 1 vCPU at 1769 MB");
        }
    }

    @Test
    void everyTableIsEncryptedWithOneRotatingCustomerManagedKey() {
        assertEquals("AWS::KMS::Key", template.resourceType(TemplateContractTest.TABLES_KEY));
        Map<String, Object> key = properties(TemplateContractTest.TABLES_KEY);
        assertEquals(Boolean.TRUE, key.get("EnableKeyRotation"));
        for (Object statement : (List<?>) ((Map<?, ?>) key.get("KeyPolicy")).get("Statement")) {
            Map<?, ?> entry = (Map<?, ?>) statement;
            for (String action : actions(entry)) {
                assertFalse(action.contains("*"), "key policy action " + action);
            }
            boolean usesKey = actions(entry).contains("kms:Decrypt");
            if (usesKey) {
                assertTrue(entry.toString().contains("kms:ViaService"), "the key is used only through DynamoDB");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFunctionMayUseTheTablesKeyOnlyThroughDynamoDbAndToReadTheAppSecret() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            List<Map<?, ?>> keyStatements = inlineStatements(function.logicalId()).stream()
                    .filter(s -> s.toString().contains(TemplateContractTest.TABLES_KEY)).toList();
            List<Map<?, ?>> viaDynamoDb = keyStatements.stream()
                    .filter(s -> viaService(s).equals(Map.of("Fn::Sub", "dynamodb.${AWS::Region}.amazonaws.com"))).toList();
            assertEquals(1, viaDynamoDb.size(), function.logicalId() + " reads tables encrypted with the key");
            assertEquals(Set.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
                    new HashSet<>(actions(viaDynamoDb.get(0))));
            List<Map<?, ?>> others = keyStatements.stream().filter(s -> !viaDynamoDb.contains(s)).toList();
            if (function.rawEnvironment().containsKey(APP_SECRET_VARIABLE)) {
                // Secrets Manager decrypts the secret with the caller's permission, only on its behalf.
                assertEquals(1, others.size(), function.logicalId());
                assertEquals(List.of("kms:Decrypt"), actions(others.get(0)));
                assertEquals(Map.of("Fn::Sub", "secretsmanager.${AWS::Region}.amazonaws.com"), viaService(others.get(0)));
            } else {
                assertEquals(List.of(), others, function.logicalId() + " reads no secret");
            }
        }));
    }

    @Test
    void theAppSecretIsGeneratedIntoSecretsManagerAndNoFunctionIsGivenItsValue() {
        assertFalse(template.parameters().containsKey("AppSecretKey"), "the secret is no parameter any more");
        assertTrue(template.parameters().values().stream().noneMatch(p -> p.noEcho()),
                "no secret passes through parameters (and from there into a variable)");
        assertEquals("AWS::SecretsManager::Secret", template.resourceType(APP_SECRET));
        Map<String, Object> secret = properties(APP_SECRET);
        assertTrue(secret.containsKey("GenerateSecretString"), "CloudFormation makes the value; nobody types it");
        assertEquals(Map.of("Ref", TemplateContractTest.TABLES_KEY), secret.get("KmsKeyId"));
        String keyPolicy = properties(TemplateContractTest.TABLES_KEY).get("KeyPolicy").toString();
        assertTrue(keyPolicy.contains("kms:ViaService={Fn::Sub=secretsmanager.${AWS::Region}.amazonaws.com}"), keyPolicy);
        for (FunctionDefinition function : template.functions()) {
            for (var variable : function.rawEnvironment().entrySet()) {
                assertFalse(variable.getKey().contains("SECRET_KEY"), function.logicalId() + " is given " + variable.getKey());
            }
        }
        assertTrue(template.functions().stream().anyMatch(f -> f.rawEnvironment().containsKey(APP_SECRET_VARIABLE)));
    }

    /** The app secret (at init) and the wallet keys (on a live wallet payment), each to the functions given its ARN. */
    @TestFactory
    Stream<DynamicTest> eachFunctionMayReadExactlyTheSecretsItIsGivenAndNothingElseInSecretsManager() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            List<Map<?, ?>> secretStatements = inlineStatements(function.logicalId()).stream()
                    .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("secretsmanager:"))).toList();
            List<Object> given = new ArrayList<>();
            SECRET_VARIABLES.forEach((variable, secret) -> {
                if (function.rawEnvironment().containsKey(variable)) {
                    assertEquals(Map.of("Ref", secret), function.rawEnvironment().get(variable),
                            function.logicalId() + " is given the secret's ARN, never its value");
                    given.add(Map.of("Ref", secret));
                }
            });
            assertEquals(given.size(), secretStatements.size(), function.logicalId() + ": one statement per secret given");
            for (Map<?, ?> statement : secretStatements) {
                assertEquals(List.of("secretsmanager:GetSecretValue"), actions(statement), function.logicalId());
                assertTrue(given.contains(statement.get("Resource")), function.logicalId() + ": only a secret it is given");
            }
        }));
    }

    @Test
    void everyTableQueueSecretKeyAndLogGroupOutlivesTheStackAndProdTablesRefuseDeletion() {
        List<String> retained = template.resourceIds().stream()
                .filter(id -> RETAINED_TYPES.contains(template.resourceType(id))).toList();
        assertTrue(retained.containsAll(List.of("MerchantsTable", "WebhookQueue", "WebhookDeadLetterQueue", APP_SECRET)));
        for (String id : retained) {
            // Delete keeps it, and so does an update that would replace it (a changed key schema, say).
            assertEquals("Retain", template.resource(id).get("DeletionPolicy"), id + " DeletionPolicy");
            assertEquals("Retain", template.resource(id).get("UpdateReplacePolicy"), id + " UpdateReplacePolicy");
        }
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "prod")),
                ((Map<?, ?>) root().get("Conditions")).get("IsProd"));
        for (var table : template.tables()) {
            assertEquals(Map.of("Fn::If", List.of("IsProd", true, false)),
                    properties(table.logicalId()).get("DeletionProtectionEnabled"),
                    table.logicalId() + ": in prod even a console or CLI delete-table is refused");
        }
    }

    /**
     * What `sam build` needs of each function (SAM CLI reads the Metadata; see the Makefile): the
     * makefile build method, the Makefile at the root, the function's module as the folder it copies,
     * and a CodeUri that is the module's jar, which `sam deploy` alone uploads as it is.
     */
    @TestFactory
    Stream<DynamicTest> eachFunctionBuildsWithSamThroughTheMakefileIntoTheJarItsCodeUriNames() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            String codeUri = function.codeUri();
            assertNotNull(codeUri, function.logicalId() + " needs a CodeUri");
            Matcher module = Pattern.compile("(functions/[a-z0-9-]+)/target/[a-z0-9-]+-function\\.jar").matcher(codeUri);
            assertTrue(module.matches(), function.logicalId() + ": CodeUri must be a module's jar, not " + codeUri);
            assertEquals(Map.of("BuildMethod", "makefile", "ContextPath", ".", "ProjectRootDirectory", module.group(1)),
                    template.resource(function.logicalId()).get("Metadata"), function.logicalId()
                            + " needs Metadata {BuildMethod: makefile, ContextPath: '.', ProjectRootDirectory: <its module>}");
            assertTrue(Files.isDirectory(repositoryRoot.resolve(module.group(1))), module.group(1));
            assertEquals(codeUri, make("jar-of-" + function.logicalId()), "the Makefile unpacks the jar CodeUri names");
        }));
    }

    @Test
    void theMakefileRefusesAFunctionTheTemplateDoesNotHave() {
        assertTrue(make("build-NoSuchFunction", "ARTIFACTS_DIR=" + repositoryRoot.resolve("target/never")).contains(
                "template.yaml has no function NoSuchFunction with a CodeUri"));
    }

    @TestFactory
    Stream<DynamicTest> noFunctionIsGrantedAWildcardAction() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            for (Map<?, ?> statement : inlineStatements(function.logicalId())) {
                for (String action : actions(statement)) {
                    assertFalse(action.contains("*"), function.logicalId() + " is granted " + action);
                }
                // The one exception: the logo upload bucket's objects under uploads/ (ADR 0021).
                assertFalse(!TemplateContractTest.UPLOAD_OBJECTS.equals(statement.get("Resource"))
                        && String.valueOf(statement.get("Resource")).contains("*"), function.logicalId());
            }
            for (Object policy : (List<?>) properties(function.logicalId()).get("Policies")) {
                assertTrue(policy instanceof Map<?, ?>, function.logicalId() + ": no managed policy by name: " + policy);
                Map<?, ?> entry = (Map<?, ?>) policy;
                if (!entry.containsKey("Statement")) {
                    String name = String.valueOf(entry.keySet().iterator().next());
                    assertTrue(name.endsWith("Policy") && !name.contains("FullAccess"),
                            function.logicalId() + ": SAM policy templates only, scoped to one resource: " + name);
                }
            }
        }));
    }

    @Test
    void alarmsWatchServerErrorsThrottlesDeadLettersAndWebhookFailuresAndNotifyTheTopic() {
        for (String alarm : ALARMS) {
            assertEquals("AWS::CloudWatch::Alarm", template.resourceType(alarm), alarm);
            Map<String, Object> properties = properties(alarm);
            assertEquals(List.of(Map.of("Ref", "AlarmTopic")), properties.get("AlarmActions"), alarm);
            assertEquals(List.of(Map.of("Ref", "AlarmTopic")), properties.get("OKActions"), alarm);
            assertTrue(String.valueOf(properties.get("AlarmDescription")).contains("Operations"),
                    alarm + " must point to the runbook in docs/operations.md");
        }
        assertEquals("AWS::SNS::Topic", template.resourceType("AlarmTopic"));
        assertEquals("HasAlarmEmail", template.resource("AlarmEmailSubscription").get("Condition"));
        String webhookAlarm = properties("WebhookFailureRateAlarm").toString();
        assertTrue(webhookAlarm.contains(EmfMetrics.NAMESPACE));
        assertTrue(webhookAlarm.contains("MetricName=" + EmfMetrics.WEBHOOK_FAILURES),
                "the alarm reads the metric the code writes");
        assertTrue(webhookAlarm.contains("MetricName=" + EmfMetrics.WEBHOOK_ATTEMPTS));
        assertTrue(properties("ApiServerErrorRateAlarm").toString().contains("MetricName=5xx"));
    }

    @Test
    void outputsGiveTheApiAndPaymentPageUrlsAndTheAlarmTopic() {
        Map<?, ?> outputs = (Map<?, ?>) root().get("Outputs");
        for (String name : List.of("ApiUrl", "PaymentPageBaseUrl", "AlarmTopicArn", "TablesKeyArn")) {
            assertTrue(outputs.containsKey(name), name);
        }
        assertTrue(outputs.get("PaymentPageBaseUrl").toString().contains("/pay"));
        assertEquals(Set.of("Stage", "PublicBaseUrl", "AlarmEmail"), template.parameters().keySet());
        assertTrue(outputs.containsKey("AppSecretArn"));
    }

    /**
     * The construction check in TemplateContractTest sees only what a handler reads while it is built;
     * this scan of the sources catches a variable read later, e.g. on the first request.
     */
    @Test
    void everyVariableTheSourcesReadIsGivenToSomeFunction() throws IOException {
        Set<String> read = new TreeSet<>();
        for (Path sources : List.of(repositoryRoot.resolve("shared/src/main/java"), repositoryRoot.resolve("functions"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")
                        && p.toString().contains("src/main/java")).toList()) {
                    Matcher m = VARIABLE_READ.matcher(Files.readString(file));
                    while (m.find()) {
                        read.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(read.contains("TRANSACTIONS_TABLE") && read.contains("WEBHOOK_RETRY_SCHEDULE"),
                "the scan must find the reads: " + read);
        Set<String> given = template.functions().stream().flatMap(f -> f.rawEnvironment().keySet().stream())
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(given);
        missing.removeAll(LAMBDA_RESERVED);
        missing.removeAll(LOCAL_ENDPOINTS);
        missing.removeAll(BENCHMARK_ONLY);
        missing.remove(com.circoflows.config.Settings.LOCAL_MODE);
        assertEquals(Set.of(), missing, "read by the code but set for no function");
        Set<String> reserved = new HashSet<>(given);
        reserved.retainAll(LAMBDA_RESERVED);
        assertEquals(Set.of(), reserved, "Lambda sets these; the template must not");
    }

    @Test
    void samconfigDeploysDevAndProdWithTheirStage() throws IOException {
        String samconfig = Files.readString(repositoryRoot.resolve("samconfig.toml"));
        for (String stage : List.of("dev", "prod")) {
            int section = samconfig.indexOf("[" + stage + ".deploy.parameters]");
            assertTrue(section >= 0, "samconfig.toml needs " + stage);
            String body = samconfig.substring(section, nextSection(samconfig, section));
            assertTrue(body.contains("Stage=\\\"" + stage + "\\\""), stage + " deploys Stage=" + stage);
            assertTrue(body.contains("stack_name = \"circoflows-" + stage + "\""), stage);
            assertFalse(body.contains("AppSecretKey"), "the secret is never stored in samconfig.toml");
            int overridesAt = body.indexOf("parameter_overrides");
            Matcher overrides = Pattern.compile("(\\w+)=\\\\\"").matcher(
                    body.substring(overridesAt, body.indexOf('\n', overridesAt)));
            List<String> names = new ArrayList<>();
            while (overrides.find()) {
                names.add(overrides.group(1));
            }
            assertFalse(names.isEmpty());
            assertTrue(template.parameters().keySet().containsAll(names), stage + " overrides unknown parameters " + names);
        }
    }

    /**
     * A bare `sam deploy` (or `sam deploy --guided`) reads [default]: it must know the region's bucket
     * (resolve_s3), the IAM capability, the stage and a stack name, as must `sam logs` and `sam delete`.
     */
    @Test
    void samconfigDefaultSectionLetsABareSamDeployLogsAndDeleteWork() throws IOException {
        String samconfig = Files.readString(repositoryRoot.resolve("samconfig.toml"));
        String global = section(samconfig, "[default.global.parameters]");
        assertTrue(global.contains("stack_name = \"circoflows-dev\""), global);
        assertTrue(global.matches("(?s).*\\nregion = \"[a-z]{2}-[a-z]+-\\d\".*"), "a region, so nothing depends on the shell's: " + global);
        String deploy = section(samconfig, "[default.deploy.parameters]");
        assertTrue(deploy.contains("resolve_s3 = true"), deploy);
        assertTrue(deploy.contains("capabilities = \"CAPABILITY_IAM\""), deploy);
        assertTrue(deploy.contains("Stage=\\\"dev\\\""), deploy);
        for (String stage : List.of("dev", "prod")) {
            // sam logs / sam delete --config-env <stage> find the stage's stack by name.
            String stageGlobal = section(samconfig, "[" + stage + ".global.parameters]");
            assertTrue(stageGlobal.contains("stack_name = \"circoflows-" + stage + "\""), stageGlobal);
        }
        String build = section(samconfig, "[default.build.parameters]");
        assertTrue(build.contains("parallel = false"), "one Maven run at a time in the Makefile builds: " + build);
    }

    private static String section(String samconfig, String header) {
        int at = samconfig.indexOf(header);
        assertTrue(at >= 0, "samconfig.toml needs " + header);
        return samconfig.substring(at, nextSection(samconfig, at));
    }

    /** Runs make on the repository's Makefile and answers what it printed, stdout and stderr together. */
    private String make(String... arguments) {
        List<String> command = new ArrayList<>(List.of("make", "-s", "-f", repositoryRoot.resolve("Makefile").toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(repositoryRoot.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor();
            return output.strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("make must be installed (sam build runs it too)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<?, ?> viaService(Map<?, ?> statement) {
        Object condition = statement.get("Condition");
        Object equals = condition instanceof Map<?, ?> c ? c.get("StringEquals") : null;
        Object service = equals instanceof Map<?, ?> e ? e.get("kms:ViaService") : null;
        return service instanceof Map<?, ?> m ? m : Map.of();
    }

    private static int nextSection(String text, int from) {
        int next = text.indexOf("\n[", from + 1);
        return next < 0 ? text.length() : next;
    }

    private List<Map<?, ?>> inlineStatements(String functionId) {
        List<Map<?, ?>> statements = new ArrayList<>();
        for (Object policy : (List<?>) properties(functionId).get("Policies")) {
            Map<?, ?> entry = (Map<?, ?>) policy;
            if (entry.containsKey("Statement")) {
                ((List<?>) entry.get("Statement")).forEach(s -> statements.add((Map<?, ?>) s));
            }
        }
        return statements;
    }

    private static List<String> actions(Map<?, ?> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(action));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> globalsFunction() {
        return (Map<String, Object>) ((Map<String, Object>) root().get("Globals")).get("Function");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> root() {
        try {
            var loader = new org.yaml.snakeyaml.LoaderOptions();
            // Mappings, Globals and Outputs, which SamTemplate's typed views leave out, read the same way it reads the rest.
            return (Map<String, Object>) new org.yaml.snakeyaml.Yaml(
                    new com.circoflows.localstack.CloudFormationYamlConstructor(loader))
                    .load(Files.readString(templateFile));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) template.resource(logicalId).get("Properties");
    }
}
