package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoApiKeyRepositoryIT {
    /** Cheap for tests; verification reads the cost from the hash, as production's cost 10 would. */
    private static final BcryptSecretHasher HASHER = new BcryptSecretHasher(4);

    private final String table = LocalStackFixture.table("ApiKeysTable");
    private final DynamoApiKeyRepository keys = new DynamoApiKeyRepository(LocalStackFixture.dynamoDb(), table);

    @Test
    void storedKeyIsFoundWithEveryField() {
        StoredApiKey key = new StoredApiKey(RandomIds.base62(16), AdapterTestData.merchantId(), Mode.LIVE,
                HASHER.hash(RandomIds.base62(32)), "cf_live_AbCd…", ApiKeyStatus.REVOKED, AdapterTestData.CREATED_AT);

        keys.create(key);

        assertEquals(key, keys.find(key.keyId()).orElseThrow());
    }

    @Test
    void unknownKeyIdIsEmpty() {
        assertTrue(keys.find(RandomIds.base62(16)).isEmpty());
    }

    @Test
    void issuedKeyAuthenticatesThroughTheTableAndTheSecretIsNeverStored() {
        String merchantId = AdapterTestData.merchantId();
        IssuedApiKey issued = new ApiKeyIssuer(keys, HASHER, AdapterTestData.CLOCK).issue(merchantId, Mode.TEST);
        String secret = issued.fullKey().substring(issued.fullKey().length() - 32);

        AuthenticatedKey caller = authenticator().authenticate("Bearer " + issued.fullKey());

        assertEquals(new AuthenticatedKey(issued.stored().keyId(), merchantId, Mode.TEST), caller);
        Map<String, AttributeValue> item = rawItem(issued.stored().keyId());
        item.forEach((name, value) -> {
            assertFalse(String.valueOf(value.s()).contains(secret), name + " holds the secret");
            assertFalse(String.valueOf(value.s()).contains(issued.fullKey()), name + " holds the full key");
        });
        assertTrue(HASHER.matches(secret, item.get("secret_hash").s()));
    }

    @Test
    void wrongSecretAndRevokedKeyAreRefused() {
        String merchantId = AdapterTestData.merchantId();
        IssuedApiKey issued = new ApiKeyIssuer(keys, HASHER, AdapterTestData.CLOCK).issue(merchantId, Mode.TEST);
        String wrongSecret = issued.fullKey().substring(0, issued.fullKey().length() - 32) + RandomIds.base62(32);
        String revokedSecret = RandomIds.base62(32);
        String revokedId = RandomIds.base62(16);
        keys.create(new StoredApiKey(revokedId, merchantId, Mode.TEST, HASHER.hash(revokedSecret), "cf_test_x…",
                ApiKeyStatus.REVOKED, AdapterTestData.CREATED_AT));

        ApiException wrong = assertThrows(ApiException.class,
                () -> authenticator().authenticate("Bearer " + wrongSecret));
        ApiException revoked = assertThrows(ApiException.class,
                () -> authenticator().authenticate("Bearer cf_test_" + revokedId + revokedSecret));

        assertEquals(ErrorCode.AUTHENTICATION_FAILED, wrong.code());
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, revoked.code());
    }

    @Test
    void keysAreListedByMerchantThroughTheTemplateIndex() {
        String merchantId = AdapterTestData.merchantId();
        ApiKeyIssuer issuer = new ApiKeyIssuer(keys, HASHER, AdapterTestData.CLOCK);
        IssuedApiKey first = issuer.issue(merchantId, Mode.TEST);
        IssuedApiKey second = issuer.issue(merchantId, Mode.LIVE);
        issuer.issue(AdapterTestData.merchantId(), Mode.TEST);

        List<String> listed = LocalStackFixture.dynamoDb().query(q -> q.tableName(table).indexName("by_merchant")
                        .keyConditionExpression("merchant_id = :m")
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(merchantId))))
                .items().stream().map(i -> i.get("key_id").s()).sorted().toList();

        assertEquals(List.of(first.stored().keyId(), second.stored().keyId()).stream().sorted().toList(), listed);
    }

    @Test
    void creatingAnExistingKeyIdIsRefusedAndKeepsTheFirst() {
        StoredApiKey key = new StoredApiKey(RandomIds.base62(16), AdapterTestData.merchantId(), Mode.TEST,
                HASHER.hash(RandomIds.base62(32)), "cf_test_abcd…", ApiKeyStatus.ACTIVE, AdapterTestData.CREATED_AT);
        keys.create(key);

        assertThrows(RuntimeException.class, () -> keys.create(new StoredApiKey(key.keyId(),
                AdapterTestData.merchantId(), Mode.TEST, HASHER.hash(RandomIds.base62(32)), "cf_test_abcd…",
                ApiKeyStatus.ACTIVE, AdapterTestData.PROCESSED_AT)));

        assertEquals(key, keys.find(key.keyId()).orElseThrow());
    }

    @Test
    void existingKeyIdIsNotReportedAsRetryable() {
        StoredApiKey key = new StoredApiKey(RandomIds.base62(16), AdapterTestData.merchantId(), Mode.TEST,
                HASHER.hash(RandomIds.base62(32)), "cf_test_abcd…", ApiKeyStatus.ACTIVE, AdapterTestData.CREATED_AT);
        keys.create(key);

        RuntimeException failure = assertThrows(RuntimeException.class, () -> keys.create(key));

        assertFalse(failure instanceof RetryableFailure, "permanent conflict reported as retryable: " + failure);
    }

    private ApiKeyAuthenticator authenticator() {
        return new ApiKeyAuthenticator(keys, new BcryptSecretHasher(BcryptSecretHasher.PRODUCTION_COST),
                new VerifiedKeyCache(Duration.ZERO, System::nanoTime));
    }

    private Map<String, AttributeValue> rawItem(String keyId) {
        return LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table)
                .key(Map.of("key_id", AttributeValue.fromS(keyId)))).item();
    }
}
