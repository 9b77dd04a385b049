package com.circoflows.localrunner;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEndpointRepository;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.domain.merchant.ApiKeyFormat;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The merchant a developer gets on first start. Its key is CIRCOFLOWS_DEMO_API_KEY when set, else
 * one generated once and kept in the data folder, so it keeps working across restarts.
 */
final class DemoMerchant {
    static final String NAME = "Demo Merchant";

    private DemoMerchant() {
    }

    record Credentials(String merchantId, String apiKey, String webhookSecret) {
        @Override
        public String toString() {
            return "Credentials[" + merchantId + "]";
        }
    }

    static Credentials ensure(DynamoDbClient dynamoDb, String merchantsTable, String apiKeysTable, Path dataDir,
            String chosenKey) {
        DynamoApiKeyRepository keys = new DynamoApiKeyRepository(dynamoDb, apiKeysTable);
        MerchantOnboarding onboarding = new MerchantOnboarding(new DynamoMerchantRepository(dynamoDb, merchantsTable),
                new ApiKeyIssuer(keys, new Sha256SecretHasher(), Clock.systemUTC()),
                Clock.systemUTC());
        Path file = dataDir == null ? null : dataDir.resolve("demo-merchant.properties");

        String wantedKey = chosenKey != null && !chosenKey.isBlank() ? chosenKey.strip() : remembered(file).orElse(null);
        if (wantedKey != null) {
            ApiKeyFormat.ParsedApiKey parsed = ApiKeyFormat.parse(wantedKey).orElseThrow(() ->
                    new IllegalArgumentException("CIRCOFLOWS_DEMO_API_KEY is not a valid key: expected cf_test_ "
                            + "followed by 48 letters and digits"));
            if (parsed.mode() != Mode.TEST) {
                throw new IllegalArgumentException("CIRCOFLOWS_DEMO_API_KEY must be a test key (cf_test_...)");
            }
            Optional<StoredApiKey> existing = keys.find(parsed.lookupId());
            if (existing.isPresent()) {
                return remember(file, withWebhookSecret(dynamoDb, merchantsTable, existing.get().merchantId(), wantedKey));
            }
            var created = onboarding.createMerchantWithKey(NAME, wantedKey);
            return remember(file, withWebhookSecret(dynamoDb, merchantsTable, created.merchant().merchantId(), wantedKey));
        }
        var created = onboarding.createMerchant(NAME, Mode.TEST);
        return remember(file, withWebhookSecret(dynamoDb, merchantsTable, created.merchant().merchantId(),
                created.firstKey().fullKey()));
    }

    /** The demo merchant gets its signing secret up front, so it can be printed with the key. */
    private static Credentials withWebhookSecret(DynamoDbClient dynamoDb, String merchantsTable, String merchantId,
            String apiKey) {
        WebhookSecret secret = new DynamoWebhookEndpointRepository(dynamoDb, merchantsTable)
                .ensureSecret(merchantId, WebhookSecret.generate());
        return new Credentials(merchantId, apiKey, secret.value());
    }

    private static Optional<String> remembered(Path file) {
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(properties.getProperty("api_key"));
    }

    private static Credentials remember(Path file, Credentials credentials) {
        if (file == null) {
            return credentials;
        }
        Properties properties = new Properties();
        properties.setProperty("merchant_id", credentials.merchantId());
        properties.setProperty("api_key", credentials.apiKey());
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "CircoFlows local demo merchant (test mode only)");
            // The file holds the demo merchant's API key: owner-only.
            PrivateFiles.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return credentials;
    }
}
