package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.ApiKeyPage;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.ManagedApiKeys.Revocation;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoApiKeyRepositoryIT {
    /** Cheap for tests; verification reads the cost from the hash, as production's cost 10 would. */
    private static final Sha256SecretHasher HASHER = new Sha256SecretHasher();
    private static final BcryptSecretHasher LEGACY_HASHER = new BcryptSecretHasher(4);
    private static final Instant AT = AdapterTestData.CREATED_AT;

    private final String table = LocalStackFixture.table("ApiKeysTable");
    private final DynamoApiKeyRepository keys = new DynamoApiKeyRepository(LocalStackFixture.dynamoDb(), table);

    @Test
    void storedKeyIsFoundWithEveryField() {
        StoredApiKey key = new StoredApiKey(RandomIds.base62(16), AdapterTestData.merchantId(), Mode.LIVE,
                HASHER.hash(RandomIds.base62(32)), "cf_live_AbCd…", "Deploy bot", ApiKeyStatus.REVOKED, AT,
                AT.plusSeconds(60), AT.plusSeconds(120));

        keys.create(key);

        assertEquals(key, keys.find(key.keyId()).orElseThrow());
    }

    @Test
    void keyWrittenWithoutTheOptionalFieldsReadsThemAsNull() {
        StoredApiKey key = key(AdapterTestData.merchantId(), Mode.TEST, AT);

        keys.create(key);

        StoredApiKey found = keys.find(key.keyId()).orElseThrow();
        assertNull(found.name());
        assertNull(found.lastUsedAt());
        assertNull(found.revokedAt());
        assertFalse(rawItem(key.keyId()).containsKey("name"), "absent, not an empty string");
    }

    @Test
    void unknownKeyIdIsEmpty() {
        assertTrue(keys.find(RandomIds.base62(16)).isEmpty());
    }

    @Test
    void issuedKeyAuthenticatesThroughTheTableRecordsItsUseAndTheSecretIsNeverStored() {
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
        assertEquals(AdapterTestData.PROCESSED_AT, keys.find(issued.stored().keyId()).orElseThrow().lastUsedAt());
    }

    @Test
    void keyStoredWithALegacyBcryptHashAuthenticatesAndIsRewrittenToSha256InTheTable() {
        String merchantId = AdapterTestData.merchantId();
        String keyId = RandomIds.base62(16);
        String secret = RandomIds.base62(32);
        keys.create(new StoredApiKey(keyId, merchantId, Mode.TEST, LEGACY_HASHER.hash(secret), "cf_test_x…", null,
                ApiKeyStatus.ACTIVE, AT, null, null));

        AuthenticatedKey caller = authenticator().authenticate("Bearer cf_test_" + keyId + secret);

        assertEquals(new AuthenticatedKey(keyId, merchantId, Mode.TEST), caller);
        String rewritten = rawItem(keyId).get("secret_hash").s();
        assertTrue(rewritten.startsWith("sha256:"), rewritten);
        assertTrue(HASHER.matches(secret, rewritten));
        assertEquals(caller, authenticator().authenticate("Bearer cf_test_" + keyId + secret), "and works on");
    }

    @Test
    void hashRewriteHappensOnlyOverTheExpectedHashAndNeverUndoesARevocation() {
        String secret = RandomIds.base62(32);
        String legacy = LEGACY_HASHER.hash(secret);
        StoredApiKey key = new StoredApiKey(RandomIds.base62(16), AdapterTestData.merchantId(), Mode.TEST, legacy,
                "cf_test_x…", null, ApiKeyStatus.ACTIVE, AT, null, null);
        keys.create(key);
        keys.revoke(key, AT.plusSeconds(1), null);

        assertFalse(keys.replaceSecretHash(key.keyId(), HASHER.hash("another secret"), HASHER.hash(secret)));
        assertEquals(legacy, keys.find(key.keyId()).orElseThrow().secretHash());
        assertTrue(keys.replaceSecretHash(key.keyId(), legacy, HASHER.hash(secret)));

        StoredApiKey after = keys.find(key.keyId()).orElseThrow();
        assertEquals(HASHER.hash(secret), after.secretHash());
        assertEquals(ApiKeyStatus.REVOKED, after.status(), "the revocation made meanwhile stands");
        assertEquals(AT.plusSeconds(1), after.revokedAt());
        String unknown = RandomIds.base62(16);
        assertFalse(keys.replaceSecretHash(unknown, legacy, HASHER.hash(secret)));
        assertTrue(keys.find(unknown).isEmpty(), "no key is created");
    }

    @Test
    void recordingUseChangesOnlyLastUsedAndNeverCreatesAKey() {
        StoredApiKey key = key(AdapterTestData.merchantId(), Mode.TEST, AT);
        keys.create(key);
        String unknown = RandomIds.base62(16);

        keys.recordUse(key.keyId(), AT.plusSeconds(5));

        assertEquals(key.asUsedAt(AT.plusSeconds(5)), keys.find(key.keyId()).orElseThrow());
        assertThrows(RuntimeException.class, () -> keys.recordUse(unknown, AT));
        assertTrue(keys.find(unknown).isEmpty());
    }

    @Test
    void wrongSecretAndRevokedKeyAreRefused() {
        String merchantId = AdapterTestData.merchantId();
        IssuedApiKey issued = new ApiKeyIssuer(keys, HASHER, AdapterTestData.CLOCK).issue(merchantId, Mode.TEST);
        String wrongSecret = issued.fullKey().substring(0, issued.fullKey().length() - 32) + RandomIds.base62(32);
        String revokedSecret = RandomIds.base62(32);
        String revokedId = RandomIds.base62(16);
        keys.create(new StoredApiKey(revokedId, merchantId, Mode.TEST, HASHER.hash(revokedSecret), "cf_test_x…",
                null, ApiKeyStatus.REVOKED, AT, null, AT));

        ApiException wrong = assertThrows(ApiException.class,
                () -> authenticator().authenticate("Bearer " + wrongSecret));
        ApiException revoked = assertThrows(ApiException.class,
                () -> authenticator().authenticate("Bearer cf_test_" + revokedId + revokedSecret));

        assertEquals(ErrorCode.AUTHENTICATION_FAILED, wrong.code());
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, revoked.code());
    }

    @Test
    void listIsTheMerchantsKeysOfOneModeNewestFirstInPagesThatEndExactly() {
        String merchantId = AdapterTestData.merchantId();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Keys of the other mode in between: the index holds both, the pages must not.
            keys.create(key(merchantId, Mode.LIVE, AT.plusSeconds(2L * i)));
            StoredApiKey test = key(merchantId, Mode.TEST, AT.plusSeconds(2L * i + 1));
            keys.create(test);
            newestFirst.add(0, test.keyId());
        }
        keys.create(key(AdapterTestData.merchantId(), Mode.TEST, AT.plusSeconds(3)));

        ApiKeyPage first = keys.list(merchantId, Mode.TEST, 2, null);
        ApiKeyPage second = keys.list(merchantId, Mode.TEST, 2, first.nextCursor());
        ApiKeyPage last = keys.list(merchantId, Mode.TEST, 2, second.nextCursor());
        ApiKeyPage whole = keys.list(merchantId, Mode.TEST, 5, null);

        assertEquals(newestFirst.subList(0, 2), ids(first));
        assertEquals(newestFirst.subList(2, 4), ids(second));
        assertEquals(newestFirst.subList(4, 5), ids(last));
        assertNull(last.nextCursor());
        assertEquals(newestFirst, ids(whole));
        assertNull(whole.nextCursor(), "exactly five: no pointer to an empty page");
        assertEquals(5, keys.list(merchantId, Mode.LIVE, 100, null).keys().size());
    }

    @Test
    void aCursorWorksOnlyForTheMerchantAndModeItWasMadeFor() {
        String merchantId = AdapterTestData.merchantId();
        for (int i = 0; i < 3; i++) {
            keys.create(key(merchantId, Mode.TEST, AT.plusSeconds(i)));
        }
        String cursor = keys.list(merchantId, Mode.TEST, 1, null).nextCursor();

        for (Runnable misuse : List.<Runnable>of(
                () -> keys.list(AdapterTestData.merchantId(), Mode.TEST, 1, cursor),
                () -> keys.list(merchantId, Mode.LIVE, 1, cursor),
                () -> keys.list(merchantId, Mode.TEST, 1, "not-a-cursor!"),
                () -> keys.list(merchantId, Mode.TEST, 1, PageCursors.encode(merchantId, "test")))) {
            ApiException refused = assertThrows(ApiException.class, misuse::run);
            assertEquals("cursor", refused.param());
        }
    }

    @Test
    void activeKeyIdsAreTheActiveKeysOfTheMerchantAndMode() {
        String merchantId = AdapterTestData.merchantId();
        StoredApiKey active = key(merchantId, Mode.TEST, AT);
        keys.create(active);
        keys.create(key(merchantId, Mode.TEST, AT).asRevokedAt(AT));
        keys.create(key(merchantId, Mode.LIVE, AT));
        keys.create(key(AdapterTestData.merchantId(), Mode.TEST, AT));

        assertEquals(List.of(active.keyId()), keys.activeKeyIds(merchantId, Mode.TEST));
    }

    @Test
    void revocationIsConditionalOnTheKeyAndOnTheOtherKeyBeingActive() {
        String merchantId = AdapterTestData.merchantId();
        StoredApiKey first = key(merchantId, Mode.TEST, AT);
        StoredApiKey second = key(merchantId, Mode.TEST, AT);
        StoredApiKey liveKey = key(merchantId, Mode.LIVE, AT);
        StoredApiKey othersKey = key(AdapterTestData.merchantId(), Mode.TEST, AT);
        for (StoredApiKey key : List.of(first, second, liveKey, othersKey)) {
            keys.create(key);
        }

        assertEquals(Revocation.OTHER_KEY_NOT_ACTIVE, keys.revoke(first, AT, liveKey.keyId()), "another mode");
        assertEquals(Revocation.OTHER_KEY_NOT_ACTIVE, keys.revoke(first, AT, othersKey.keyId()), "another merchant");
        assertEquals(Revocation.OTHER_KEY_NOT_ACTIVE, keys.revoke(first, AT, RandomIds.base62(16)), "unknown");
        assertEquals(ApiKeyStatus.ACTIVE, keys.find(first.keyId()).orElseThrow().status(), "nothing written");

        assertEquals(Revocation.REVOKED, keys.revoke(first, AT.plusSeconds(9), second.keyId()));
        assertEquals(first.asRevokedAt(AT.plusSeconds(9)), keys.find(first.keyId()).orElseThrow());
        assertEquals(Revocation.KEY_NOT_ACTIVE, keys.revoke(first, AT.plusSeconds(20), second.keyId()));
        assertEquals(Revocation.OTHER_KEY_NOT_ACTIVE, keys.revoke(second, AT, first.keyId()));
        assertEquals(Revocation.REVOKED, keys.revoke(second, AT, null), "confirmed: no other key needed");
        assertEquals(Revocation.KEY_NOT_ACTIVE, keys.revoke(second, AT, null));
        assertEquals(first.asRevokedAt(AT.plusSeconds(9)), keys.find(first.keyId()).orElseThrow(), "the first time stays");
    }

    @Test
    void concurrentRevocationsOfAMerchantsLastKeysNeverLeaveItWithoutOne() throws Exception {
        int rounds = 5;
        int keysPerMerchant = 4;
        ExecutorService threads = Executors.newFixedThreadPool(keysPerMerchant);
        try {
            for (int round = 0; round < rounds; round++) {
                String merchantId = AdapterTestData.merchantId();
                List<IssuedApiKey> issued = new ArrayList<>();
                ApiKeyIssuer issuer = new ApiKeyIssuer(keys, HASHER, AdapterTestData.CLOCK);
                for (int i = 0; i < keysPerMerchant; i++) {
                    issued.add(issuer.issue(merchantId, Mode.TEST));
                }
                ApiKeyManagement management = new ApiKeyManagement(keys, issuer,
                        new VerifiedKeyCache(Duration.ZERO, System::nanoTime), keyId -> { }, AdapterTestData.CLOCK);
                AuthenticatedKey caller = new AuthenticatedKey(issued.get(0).stored().keyId(), merchantId, Mode.TEST);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> outcomes = new ArrayList<>();
                for (IssuedApiKey key : issued) {
                    outcomes.add(threads.submit(() -> {
                        start.await();
                        try {
                            management.revoke(caller, key.stored().keyId(), false);
                            return "revoked";
                        } catch (ApiException refused) {
                            return refused.code().code();
                        }
                    }));
                }
                start.countDown();
                List<String> answers = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    answers.add(outcome.get(30, TimeUnit.SECONDS));
                }

                List<String> active = keys.activeKeyIds(merchantId, Mode.TEST);
                assertEquals(1, active.size(), "round " + round + ": exactly one key survives " + answers);
                assertEquals(keysPerMerchant - 1, answers.stream().filter("revoked"::equals).count(), answers.toString());
                assertEquals(1, answers.stream().filter("last_active_key"::equals).count(), answers.toString());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void creatingAnExistingKeyIdIsRefusedAndKeepsTheFirst() {
        StoredApiKey key = key(AdapterTestData.merchantId(), Mode.TEST, AT);
        keys.create(key);

        assertThrows(RuntimeException.class, () -> keys.create(new StoredApiKey(key.keyId(),
                AdapterTestData.merchantId(), Mode.TEST, HASHER.hash(RandomIds.base62(32)), "cf_test_abcd…", null,
                ApiKeyStatus.ACTIVE, AdapterTestData.PROCESSED_AT, null, null)));

        assertEquals(key, keys.find(key.keyId()).orElseThrow());
    }

    @Test
    void existingKeyIdIsNotReportedAsRetryable() {
        StoredApiKey key = key(AdapterTestData.merchantId(), Mode.TEST, AT);
        keys.create(key);

        RuntimeException failure = assertThrows(RuntimeException.class, () -> keys.create(key));

        assertFalse(failure instanceof RetryableFailure, "permanent conflict reported as retryable: " + failure);
    }

    private static StoredApiKey key(String merchantId, Mode mode, Instant createdAt) {
        return new StoredApiKey(RandomIds.base62(16), merchantId, mode, "$2a$04$notARealHashButStoredAsIs",
                "cf_" + mode.wireName() + "_abcd…", null, ApiKeyStatus.ACTIVE, createdAt, null, null);
    }

    private static List<String> ids(ApiKeyPage page) {
        return page.keys().stream().map(StoredApiKey::keyId).toList();
    }

    private ApiKeyAuthenticator authenticator() {
        return new ApiKeyAuthenticator(keys, HASHER, new BcryptSecretHasher(BcryptSecretHasher.PRODUCTION_COST),
                new VerifiedKeyCache(Duration.ZERO, System::nanoTime),
                Clock.fixed(AdapterTestData.PROCESSED_AT, ZoneOffset.UTC));
    }

    private Map<String, AttributeValue> rawItem(String keyId) {
        return LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table)
                .key(Map.of("key_id", AttributeValue.fromS(keyId)))).item();
    }
}
