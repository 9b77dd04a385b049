package com.circoflows.localrunner.e2e;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.adapters.dynamodb.DynamoRiskSettingsRepository;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.localrunner.LocalRunner;
import com.circoflows.localrunner.LocalRunnerOptions;
import com.circoflows.localrunner.testsupport.CapturedOutput;
import com.circoflows.localrunner.testsupport.RepeatedCardRiskSettings;
import com.circoflows.localstack.TableDefinition;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The end-to-end environment every IT class shares: one LocalRunner (in-memory DynamoDB Local and
 * ElasticMQ provisioned from template.yaml), its captured output, and an HTTP client.
 */
public final class E2e implements AutoCloseable {
    private static E2e shared;

    private final LocalRunner runner;
    private final CapturedOutput output;
    private final HttpClient http;
    private final List<String> tableNames;

    private E2e(LocalRunner runner, CapturedOutput output) {
        this.runner = runner;
        this.output = output;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.tableNames = runner.stack().template().tables().stream()
                .map(TableDefinition::logicalId)
                .map(logicalId -> runner.stack().resources().tableName(logicalId))
                .toList();
    }

    /**
     * The JVM's one shared environment, started on first use and closed when the JVM exits, after its
     * {@link ForkCardDataScan} has looked through everything the JVM's classes left. Failsafe runs the
     * ITs in two JVMs and hands each one class at a time (a JUnit run of its own), so neither a JUnit
     * store nor class ordering outlives a class: a static does.
     */
    static synchronized E2e shared() {
        if (shared == null) {
            E2e started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    ForkCardDataScan.writeReport(started);
                } finally {
                    started.close();
                }
            }, "e2e-shutdown"));
            shared = started;
        }
        return shared;
    }

    static E2e start() {
        CapturedOutput output = CapturedOutput.install(capturedLogPath());
        long started = System.nanoTime();
        LocalRunner runner;
        try {
            runner = LocalRunner.start(sharedOptions());
        } catch (RuntimeException e) {
            output.close();
            throw e;
        }
        System.out.printf("e2e: LocalRunner listening on %s, started in %d ms; output captured in %s%n",
                runner.baseUrl(), (System.nanoTime() - started) / 1_000_000, output.file());
        E2e e2e = new E2e(runner, output);
        e2e.allowRepeatedTestCards(runner.demoMerchantId());
        return e2e;
    }

    /**
     * Every browser, fuzz and HTTP client of the suite pays hosted pages from 127.0.0.1, hundreds of
     * declines an hour: the page's per-address limit (20) would soon refuse them all. Its own proof is
     * PaymentPageHandlerIT and SessionDeclineLimitsTest; the per-session limit stays as deployed.
     *
     * <p>Dashboard sign-ups and sign-ins hash with bcrypt at cost 4 instead of 12 (local mode allows it):
     * the suite signs in hundreds of times on two cores. The cost itself is PasswordHasherTest's.
     */
    public static LocalRunnerOptions sharedOptions() {
        return LocalRunnerOptions.forTests().withEnvironmentOverride("PAGE_DECLINES_PER_ADDRESS", "1000000")
                .withEnvironmentOverride("DASHBOARD_PASSWORD_COST", "4");
    }

    /**
     * A runner of one test class's own, with options the shared one can't have (an environment
     * override, say). It prints where the shared runner's capture, if installed, already tees.
     */
    public static E2e startSeparate(LocalRunnerOptions options) {
        long started = System.nanoTime();
        LocalRunner runner = LocalRunner.start(options);
        System.out.printf("e2e: separate LocalRunner listening on %s, started in %d ms%n", runner.baseUrl(),
                (System.nanoTime() - started) / 1_000_000);
        return new E2e(runner, null);
    }

    /**
     * target/e2e-logs/{build}/jvm-{pid}/captured.log of this module (failsafe sets basedir; an IDE runs
     * from the module): each test JVM of a build writes its own, beside its card-data scan report.
     */
    static Path capturedLogPath() {
        return ForkCardDataScan.jvmFolder().resolve("captured.log");
    }

    public LocalRunner runner() {
        return runner;
    }

    public String baseUrl() {
        return runner.baseUrl();
    }

    HttpClient http() {
        return http;
    }

    /** The API as the demo merchant ("Demo Merchant") calls it. */
    public Api demo() {
        return api(runner.demoApiKey());
    }

    public Api api(String apiKey) {
        return new Api(this, "Bearer " + apiKey);
    }

    /** Requests carrying exactly this Authorization header, or none when null. */
    public Api withAuthorization(String authorizationHeader) {
        return new Api(this, authorizationHeader);
    }

    /**
     * A merchant of its own, with a fresh test key and the webhook signing secret it was created with:
     * its rate-limit buckets and data touch no other test.
     */
    public TestMerchant newMerchant(String name) {
        DynamoDbClient dynamoDb = dynamoDb();
        MerchantOnboarding onboarding = new MerchantOnboarding(
                new DynamoMerchantRepository(dynamoDb, tableName("MerchantsTable")),
                new ApiKeyIssuer(new DynamoApiKeyRepository(dynamoDb, tableName("ApiKeysTable")),
                        new Sha256SecretHasher(), Clock.systemUTC()),
                Clock.systemUTC());
        MerchantOnboarding.Onboarded onboarded = onboarding.createMerchant(name, Mode.TEST);
        return new TestMerchant(onboarded.merchant().merchantId(), onboarded.merchant().name(),
                onboarded.firstKey().fullKey(), onboarded.webhookSecret().value(), api(onboarded.firstKey().fullKey()));
    }

    /** Another key of the merchant's, of either mode, as {@code bin/admin create-key} issues it; the full key. */
    public String issueKey(String merchantId, Mode mode) {
        return new ApiKeyIssuer(new DynamoApiKeyRepository(dynamoDb(), tableName("ApiKeysTable")),
                new Sha256SecretHasher(), Clock.systemUTC()).issue(merchantId, mode).fullKey();
    }

    /** The highest velocity limits, before the merchant's first payment, for tests that pay the same cards often. */
    public void allowRepeatedTestCards(String merchantId) {
        setRiskSettings(merchantId, RepeatedCardRiskSettings.SETTINGS);
    }

    /** As bin/admin set-risk-settings does; a warm function container sees it within its cache's 60 s. */
    public void setRiskSettings(String merchantId, RiskSettings settings) {
        if (!new DynamoRiskSettingsRepository(dynamoDb(), tableName("MerchantsTable")).replace(merchantId, settings)) {
            throw new IllegalStateException("no merchant " + merchantId);
        }
    }

    public DynamoDbClient dynamoDb() {
        return runner.stack().dynamoDbClient();
    }

    public SqsClient sqs() {
        return runner.stack().sqsClient();
    }

    /** Physical name of a template table, by logical id (TransactionsTable, ...). */
    public String tableName(String logicalId) {
        return runner.stack().resources().tableName(logicalId);
    }

    public String queueUrl(String logicalId) {
        return runner.stack().resources().queueUrl(logicalId);
    }

    /** Physical names of every table template.yaml defines. */
    public List<String> tableNames() {
        return tableNames;
    }

    /** The shared runner's captured output; a separate runner has none of its own. */
    public Path capturedLog() {
        if (output == null) {
            throw new IllegalStateException("a separate runner's output is captured by the shared one");
        }
        return output.file();
    }

    @Override
    public void close() {
        try {
            runner.close();
            System.out.println("e2e: LocalRunner stopped");
        } finally {
            if (output != null) {
                output.close();
            }
        }
    }

    /** A merchant made for one test class. toString hides the key and the secret. */
    public record TestMerchant(String merchantId, String name, String apiKey, String webhookSecret, Api api) {
        @Override
        public String toString() {
            return "TestMerchant[" + merchantId + ", " + name + "]";
        }
    }
}
