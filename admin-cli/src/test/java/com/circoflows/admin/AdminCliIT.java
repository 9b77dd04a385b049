package com.circoflows.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.adapters.dynamodb.DynamoRiskSettingsRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEndpointRepository;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import com.circoflows.localstack.SamTemplate;
import com.circoflows.localstack.TemplateValueResolver;
import com.circoflows.localstack.ResolutionContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminCliIT {
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.defaults());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void createdMerchantsKeyIsShownOnceAndAuthenticatesAsThatMerchant() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AdminCli.run(new String[] {"create-merchant", "--name", "Acme Ltd", "--local",
                "--endpoint", stack.dynamoDb().endpoint().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());

        assertEquals(0, exit);
        String printed = out.toString(StandardCharsets.UTF_8);
        String merchantId = find(printed, "merchant_id: (mch_\\w+)");
        String key = find(printed, "API key: +(cf_test_\\w+)");
        AuthenticatedKey caller = new ApiKeyAuthenticator(
                new DynamoApiKeyRepository(stack.dynamoDbClient(), stack.resources().tableName("ApiKeysTable")),
                new Sha256SecretHasher(), new BcryptSecretHasher(BcryptSecretHasher.PRODUCTION_COST),
                VerifiedKeyCache.withDefaultTtl(),
                Clock.systemUTC())
                .authenticate("Bearer " + key);
        assertEquals(merchantId, caller.merchantId());
        assertEquals(Mode.TEST, caller.mode());
        assertEquals("Acme Ltd", new DynamoMerchantRepository(stack.dynamoDbClient(),
                stack.resources().tableName("MerchantsTable")).find(merchantId).orElseThrow().name());
    }

    @Test
    void createdMerchantsKeyIsListedAsItsOnlyActiveKeyWithoutAName() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AdminCli.run(new String[] {"create-merchant", "--name", "Listed Ltd", "--local",
                "--endpoint", stack.dynamoDb().endpoint().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
        String merchantId = find(out.toString(StandardCharsets.UTF_8), "merchant_id: (mch_\\w+)");
        String key = find(out.toString(StandardCharsets.UTF_8), "API key: +(cf_test_\\w+)");

        List<StoredApiKey> listed = new DynamoApiKeyRepository(stack.dynamoDbClient(),
                stack.resources().tableName("ApiKeysTable")).list(merchantId, Mode.TEST, 10, null).keys();

        assertEquals(1, listed.size(), listed::toString);
        assertEquals(key.substring("cf_test_".length(), "cf_test_".length() + 16), listed.get(0).keyId());
        assertEquals(ApiKeyStatus.ACTIVE, listed.get(0).status());
        assertNull(listed.get(0).name());
        assertNull(listed.get(0).lastUsedAt());
    }

    @Test
    void liveModeKeysCanBeCreated() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AdminCli.run(new String[] {"create-merchant", "--name", "Live Co", "--mode", "live", "--local",
                "--endpoint", stack.dynamoDb().endpoint().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
        assertEquals(0, exit);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("cf_live_"));
    }

    @Test
    void createdMerchantsWebhookSigningSecretIsPrintedOnceAndStoredWithIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AdminCli.run(new String[] {"create-merchant", "--name", "Signed Ltd", "--local",
                "--endpoint", stack.dynamoDb().endpoint().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
        String printed = out.toString(StandardCharsets.UTF_8);
        String merchantId = find(printed, "merchant_id: (mch_\\w+)");
        String secret = find(printed, "Webhook signing secret: (whsec_\\S+)");

        WebhookEndpoint stored = new DynamoWebhookEndpointRepository(stack.dynamoDbClient(),
                stack.resources().tableName("MerchantsTable")).find(merchantId).orElseThrow();
        assertEquals(secret, stored.secret().value());
        assertNull(stored.url(), "no endpoint yet: a payment's own webhook_url is signed with it");
    }

    @Test
    void createKeyGivesAnExistingMerchantALiveKeyThatAuthenticatesAsItInLiveMode() {
        String merchantId = createMerchant("Both Modes Ltd");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = AdminCli.run(new String[] {"create-key", "--merchant", merchantId, "--mode", "live", "--local",
                "--endpoint", stack.dynamoDb().endpoint().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());

        assertEquals(0, exit);
        String key = find(out.toString(StandardCharsets.UTF_8), "API key: +(cf_live_\\w+)");
        AuthenticatedKey caller = new ApiKeyAuthenticator(
                new DynamoApiKeyRepository(stack.dynamoDbClient(), stack.resources().tableName("ApiKeysTable")),
                new Sha256SecretHasher(), new BcryptSecretHasher(BcryptSecretHasher.PRODUCTION_COST),
                VerifiedKeyCache.withDefaultTtl(), Clock.systemUTC())
                .authenticate("Bearer " + key);
        assertEquals(merchantId, caller.merchantId());
        assertEquals(Mode.LIVE, caller.mode());
        assertEquals(1, new DynamoApiKeyRepository(stack.dynamoDbClient(), stack.resources().tableName("ApiKeysTable"))
                .list(merchantId, Mode.TEST, 10, null).keys().size(), "its test key is still its only test key");
    }

    @Test
    void createKeyForAnUnknownMerchantIsRefusedAndCreatesNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = AdminCli.run(new String[] {"create-key", "--merchant", "mch_NoSuchMerchant00001", "--mode", "live",
                "--local", "--endpoint", stack.dynamoDb().endpoint().toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

        assertEquals(1, exit);
        assertEquals("error: no merchant mch_NoSuchMerchant00001 in this stack\n", err.toString(StandardCharsets.UTF_8));
        assertTrue(new DynamoApiKeyRepository(stack.dynamoDbClient(), stack.resources().tableName("ApiKeysTable"))
                .activeKeyIds("mch_NoSuchMerchant00001", Mode.LIVE).isEmpty());
    }

    @Test
    void backfillEventModesReportsWhatItDidAndIsSafeToRepeat() {
        String endpoint = stack.dynamoDb().endpoint().toString();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        assertEquals(0, AdminCli.run(new String[] {"backfill-event-modes", "--local", "--endpoint", endpoint},
                new PrintStream(first, true, StandardCharsets.UTF_8), System.err, Map.of()));
        assertEquals(0, AdminCli.run(new String[] {"backfill-event-modes", "--local", "--endpoint", endpoint},
                new PrintStream(second, true, StandardCharsets.UTF_8), System.err, Map.of()));

        assertTrue(first.toString(StandardCharsets.UTF_8).startsWith("Webhook events given their mode: "),
                first.toString(StandardCharsets.UTF_8));
        assertEquals("Webhook events given their mode: 0\n", second.toString(StandardCharsets.UTF_8));
    }

    @Test
    void backfillTransactionSearchReportsWhatItDidAndIsSafeToRepeat() {
        String endpoint = stack.dynamoDb().endpoint().toString();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        assertEquals(0, AdminCli.run(new String[] {"backfill-transaction-search", "--local", "--endpoint", endpoint},
                new PrintStream(first, true, StandardCharsets.UTF_8), System.err, Map.of()));
        assertEquals(0, AdminCli.run(new String[] {"backfill-transaction-search", "--local", "--endpoint", endpoint},
                new PrintStream(second, true, StandardCharsets.UTF_8), System.err, Map.of()));

        assertTrue(first.toString(StandardCharsets.UTF_8).startsWith("Transactions given their list keys: "),
                first.toString(StandardCharsets.UTF_8));
        assertEquals("Transactions given their list keys: 0\nSearch entries written: 0\n",
                second.toString(StandardCharsets.UTF_8));
    }

    @Test
    void backfillSessionListReportsWhatItDidAndIsSafeToRepeat() {
        String endpoint = stack.dynamoDb().endpoint().toString();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        assertEquals(0, AdminCli.run(new String[] {"backfill-session-list", "--local", "--endpoint", endpoint},
                new PrintStream(first, true, StandardCharsets.UTF_8), System.err, Map.of()));
        assertEquals(0, AdminCli.run(new String[] {"backfill-session-list", "--local", "--endpoint", endpoint},
                new PrintStream(second, true, StandardCharsets.UTF_8), System.err, Map.of()));

        assertTrue(first.toString(StandardCharsets.UTF_8).startsWith("Hosted payment sessions given their list key: "),
                first.toString(StandardCharsets.UTF_8));
        assertEquals("Hosted payment sessions given their list key: 0\n", second.toString(StandardCharsets.UTF_8));
    }

    @Test
    void setRiskSettingsStoresTheChangesOnTheMerchantAndPrintsEverySetting() {
        String merchantId = createMerchant("Risky Ltd");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = AdminCli.run(new String[] {"set-risk-settings", "--merchant", merchantId,
                "--card-velocity-limit", "3", "--amount-limit", "JPY=500000", "--local",
                "--endpoint", stack.dynamoDb().endpoint().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());

        assertEquals(0, exit);
        assertEquals(RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 3)
                .withAmountLimit(Currency.getInstance("JPY"), 500_000), riskSettings().settingsFor(merchantId));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("card_velocity_limit:               3\n"), printed);
        assertTrue(printed.contains("merchant_velocity_limit:           1,000  (default)"), printed);
        assertTrue(printed.contains("JPY 500,000"), printed);
        assertTrue(printed.contains("other currencies: the default"), printed);
    }

    @Test
    void laterChangesKeepEarlierOnesUntilReset() {
        String merchantId = createMerchant("Risky Ltd");
        String endpoint = stack.dynamoDb().endpoint().toString();
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        AdminCli.run(new String[] {"set-risk-settings", "--merchant", merchantId, "--card-testing-declines", "4",
                "--local", "--endpoint", endpoint}, quiet, System.err, Map.of());

        AdminCli.run(new String[] {"set-risk-settings", "--merchant", merchantId, "--card-velocity-limit", "30",
                "--local", "--endpoint", endpoint}, quiet, System.err, Map.of());
        assertEquals(RiskSettings.DEFAULTS.with(RiskSetting.CARD_TESTING_DECLINES, 4)
                .with(RiskSetting.CARD_VELOCITY_LIMIT, 30), riskSettings().settingsFor(merchantId));

        AdminCli.run(new String[] {"set-risk-settings", "--merchant", merchantId, "--reset",
                "--local", "--endpoint", endpoint}, quiet, System.err, Map.of());
        assertEquals(RiskSettings.DEFAULTS, riskSettings().settingsFor(merchantId));
    }

    @Test
    void settingsForAnUnknownMerchantAreRefusedAndNothingIsWritten() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = AdminCli.run(new String[] {"set-risk-settings", "--merchant", "mch_NoSuchMerchant00000",
                "--card-velocity-limit", "3", "--local", "--endpoint", stack.dynamoDb().endpoint().toString()},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

        assertEquals(1, exit);
        assertEquals("error: no merchant mch_NoSuchMerchant00000 in this stack\n",
                err.toString(StandardCharsets.UTF_8));
        assertTrue(new DynamoMerchantRepository(stack.dynamoDbClient(), stack.resources().tableName("MerchantsTable"))
                .find("mch_NoSuchMerchant00000").isEmpty());
    }

    @Test
    void anOutOfBoundsSettingIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = AdminCli.run(new String[] {"set-risk-settings", "--merchant", "mch_A", "--card-velocity-limit",
                "0", "--local", "--endpoint", "http://127.0.0.1:1"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8)
                .startsWith("error: card_velocity_limit must be an integer from 1 to 1000000, got 0"));
    }

    @Test
    void unreachableStackIsAnErrorExitNotAStackTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCli.run(new String[] {"create-merchant", "--name", "Acme", "--local", "--endpoint",
                "http://127.0.0.1:1"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: could not create the merchant"));
    }

    @Test
    void tableNamesFollowTheTemplateForAnyStackName() {
        SamTemplate template = SamTemplate.load(SamTemplate.locate());
        TemplateValueResolver resolver = new TemplateValueResolver(template);
        ResolutionContext context = ResolutionContext.of("circoflows-prod", "eu-west-1", Map.of());
        StackTables tables = StackTables.of("circoflows-prod");
        assertEquals(resolver.resolveTableName(template.table("MerchantsTable"), context), tables.merchants());
        assertEquals(resolver.resolveTableName(template.table("ApiKeysTable"), context), tables.apiKeys());
        assertEquals(resolver.resolveTableName(template.table("WebhookEventsTable"), context), tables.webhookEvents());
        assertEquals(resolver.resolveTableName(template.table("TransactionsTable"), context), tables.transactions());
        assertEquals(resolver.resolveTableName(template.table("TransactionSearchTable"), context),
                tables.transactionSearch());
        assertEquals(resolver.resolveTableName(template.table("PaymentSessionsTable"), context),
                tables.paymentSessions());
    }

    private static String createMerchant(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, AdminCli.run(new String[] {"create-merchant", "--name", name, "--local",
                "--endpoint", stack.dynamoDb().endpoint().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of()));
        return find(out.toString(StandardCharsets.UTF_8), "merchant_id: (mch_\\w+)");
    }

    private static DynamoRiskSettingsRepository riskSettings() {
        return new DynamoRiskSettingsRepository(stack.dynamoDbClient(), stack.resources().tableName("MerchantsTable"));
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), "expected " + regex + " in:\n" + text);
        return matcher.group(1);
    }
}
