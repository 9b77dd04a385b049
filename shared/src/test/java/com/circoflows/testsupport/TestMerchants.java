package com.circoflows.testsupport;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.localstack.LocalStack;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Merchants and their API keys on a {@link HandlerStack}, as bin/admin creates them. The sample key of
 * the events/ files belongs to one merchant for the whole stack, so every test class of the JVM shares
 * it: a test that changes a merchant's settings, or counts what a merchant has, makes its own.
 */
public final class TestMerchants {
    private final LocalStack stack;
    private final String sampleMerchantId;

    TestMerchants(LocalStack stack) {
        this.stack = stack;
        this.sampleMerchantId = onboard(SampleEvents.SAMPLE_MERCHANT_NAME, SampleEvents.SAMPLE_KEY);
    }

    /** The merchant the sample key (every events/ file's) belongs to. */
    public String sampleMerchantId() {
        return sampleMerchantId;
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

    /** Another active key of the merchant's, of {@code mode}, as {@code bin/admin create-key --mode} would issue it. */
    public IssuedApiKey issueKey(String merchantId, Mode mode) {
        return new ApiKeyIssuer(apiKeys(), new Sha256SecretHasher(), Clock.systemUTC()).issue(merchantId, mode);
    }

    private String onboard(String name, String key) {
        var merchants = new DynamoMerchantRepository(stack.dynamoDbClient(), table("MerchantsTable"));
        return new MerchantOnboarding(merchants,
                new ApiKeyIssuer(apiKeys(), new Sha256SecretHasher(), Clock.systemUTC()),
                Clock.systemUTC()).createMerchantWithKey(name, key).merchant().merchantId();
    }

    private String table(String logicalId) {
        return stack.resources().tableName(logicalId);
    }
}
