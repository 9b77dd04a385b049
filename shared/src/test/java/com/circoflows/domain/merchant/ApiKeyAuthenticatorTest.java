package com.circoflows.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.ManualNanoClock;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@Isolated
class ApiKeyAuthenticatorTest {
    private static final String MERCHANT = "mch_AAAAAAAAAAAAAAAAAAAA";

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final CountingSecretHasher hasher = CountingSecretHasher.sha256();
    private final CountingSecretHasher legacyHasher = CountingSecretHasher.fastBcrypt();
    private final ManualNanoClock nanos = new ManualNanoClock();
    private final MutableClock clock = MutableClock.atTestNow();
    private final ApiKeyAuthenticator authenticator =
            new ApiKeyAuthenticator(keys, hasher, legacyHasher, new VerifiedKeyCache(Duration.ofSeconds(60), nanos),
                    clock);
    private final ApiKeyIssuer issuer = new ApiKeyIssuer(keys, hasher, TestClocks.fixed());

    @Test
    void issuedKeyAuthenticatesAsItsMerchantAndMode() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);

        AuthenticatedKey caller = authenticator.authenticate("Bearer " + issued.fullKey());

        assertEquals(new AuthenticatedKey(issued.stored().keyId(), MERCHANT, Mode.TEST), caller);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer ", "BEARER ", "Bearer    ", "  Bearer "})
    void bearerSchemeIsCaseInsensitiveAndToleratesSpaces(String scheme) {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);

        assertEquals(MERCHANT, authenticator.authenticate(scheme + issued.fullKey() + " ").merchantId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingAuthorizationHeaderIsAuthenticationFailed(String header) {
        assertAuthenticationFailed(header);
    }

    @Test
    void keyWithoutBearerSchemeIsAuthenticationFailed() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);

        assertAuthenticationFailed(issued.fullKey());
        assertAuthenticationFailed("Basic " + issued.fullKey());
        assertAuthenticationFailed("Bearer");
    }

    @Test
    void malformedKeyIsRefusedWithoutTouchingTheStoreOrHashing() {
        assertAuthenticationFailed("Bearer YOUR_API_KEY");

        assertEquals(0, keys.findCalls());
        assertEquals(0, hasher.matchCalls());
    }

    @Test
    void unknownLookupIdIsAuthenticationFailedWithoutHashing() {
        assertAuthenticationFailed("Bearer cf_test_NoSuchLookupId0" + "abcdefghijklmnopqrstuvwxyz012345");

        assertEquals(0, hasher.matchCalls());
        assertEquals(0, legacyHasher.matchCalls());
    }

    @Test
    void wrongSecretWithKnownLookupIdIsAuthenticationFailed() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        String wrong = "cf_test_" + issued.stored().keyId() + "x".repeat(32);

        ApiException e = assertAuthenticationFailed("Bearer " + wrong);

        assertEquals("Invalid API key provided.", e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
    }

    @Test
    void wrongSecretCostsOneSha256AndNoBcrypt() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);

        for (int i = 0; i < 20; i++) {
            assertAuthenticationFailed("Bearer cf_test_" + issued.stored().keyId() + RandomIds.base62(32));
        }

        assertEquals(20, hasher.matchCalls());
        assertEquals(0, legacyHasher.matchCalls());
        assertTrue(issued.stored().secretHash().startsWith("sha256:"), issued.stored().secretHash());
    }

    @Test
    void legacyBcryptHashedKeyAuthenticatesAndIsRewrittenToSha256() {
        String secret = RandomIds.base62(32);
        StoredApiKey legacy = legacyKey(secret);

        AuthenticatedKey caller = authenticator.authenticate("Bearer cf_test_" + legacy.keyId() + secret);

        assertEquals(new AuthenticatedKey(legacy.keyId(), MERCHANT, Mode.TEST), caller);
        StoredApiKey rewritten = keys.find(legacy.keyId()).orElseThrow();
        assertTrue(rewritten.secretHash().startsWith("sha256:"), rewritten.secretHash());
        assertTrue(new Sha256SecretHasher().matches(secret, rewritten.secretHash()));
        assertEquals(ApiKeyStatus.ACTIVE, rewritten.status());
        assertEquals(1, legacyHasher.matchCalls());

        nanos.advance(Duration.ofSeconds(61));
        assertEquals(caller, authenticator.authenticate("Bearer cf_test_" + legacy.keyId() + secret));
        assertEquals(1, legacyHasher.matchCalls(), "bcrypt is paid once, on the key's first use after the move");
    }

    @Test
    void wrongSecretForALegacyKeyIsRefusedAndLeavesItsHash() {
        StoredApiKey legacy = legacyKey(RandomIds.base62(32));

        assertAuthenticationFailed("Bearer cf_test_" + legacy.keyId() + RandomIds.base62(32));

        assertEquals(legacy.secretHash(), keys.find(legacy.keyId()).orElseThrow().secretHash());
    }

    @Test
    void theGateBeforeALegacyVerificationCanRefuseItBeforeBcryptIsPaid() {
        String secret = RandomIds.base62(32);
        StoredApiKey legacy = legacyKey(secret);
        IssuedApiKey current = issuer.issue(MERCHANT, Mode.TEST);
        List<String> gated = new ArrayList<>();

        assertThrows(IllegalStateException.class, () -> authenticator.authenticate(
                "Bearer cf_test_" + legacy.keyId() + secret, keyId -> {
                    gated.add(keyId);
                    throw new IllegalStateException("over budget");
                }));
        authenticator.authenticate("Bearer " + current.fullKey(), keyId -> {
            throw new AssertionError("a SHA-256 key is never gated");
        });

        assertEquals(List.of(legacy.keyId()), gated);
        assertEquals(0, legacyHasher.matchCalls());
    }

    @Test
    void aFailedHashRewriteStillAuthenticatesAndIsTriedAgainNextTime() {
        String secret = RandomIds.base62(32);
        StoredApiKey legacy = legacyKey(secret);
        keys.failReplacingHashesWith(new IllegalStateException("table unavailable"));

        String log;
        try (CapturedLog captured = CapturedLog.start()) {
            assertEquals(MERCHANT,
                    authenticator.authenticate("Bearer cf_test_" + legacy.keyId() + secret).merchantId());
            log = captured.text();
        }
        assertTrue(log.contains("api_key_hash_not_upgraded"), log);
        assertFalse(log.contains(secret), log);
        assertEquals(legacy.secretHash(), keys.find(legacy.keyId()).orElseThrow().secretHash());

        keys.failReplacingHashesWith(null);
        nanos.advance(Duration.ofSeconds(61));
        authenticator.authenticate("Bearer cf_test_" + legacy.keyId() + secret);
        assertTrue(keys.find(legacy.keyId()).orElseThrow().secretHash().startsWith("sha256:"));
    }

    @Test
    void aHashInNeitherFormatIsRefused() {
        String secret = RandomIds.base62(32);
        String keyId = RandomIds.base62(16);
        keys.create(new StoredApiKey(keyId, MERCHANT, Mode.TEST, "md5:" + secret, "cf_test_x…", null,
                ApiKeyStatus.ACTIVE, TestClocks.NOW, null, null));

        assertAuthenticationFailed("Bearer cf_test_" + keyId + secret);
    }

    @Test
    void refusalsSayWhatWasPresentedSoTheFailureCanBeCountedAgainstIt() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        IssuedApiKey revoked = issuer.issue(MERCHANT, Mode.TEST);
        keys.revoke(revoked.stored().keyId());
        String id = issued.stored().keyId();

        assertRefused(null, ApiKeyRefused.Presented.NO_KEY, null);
        assertRefused("Basic abc", ApiKeyRefused.Presented.NO_KEY, null);
        assertRefused("Bearer cf_test_short", ApiKeyRefused.Presented.NO_KEY, null);
        assertRefused("Bearer cf_test_" + RandomIds.base62(48), ApiKeyRefused.Presented.UNKNOWN_KEY_ID, null);
        assertRefused("Bearer cf_test_" + id + RandomIds.base62(32), ApiKeyRefused.Presented.KNOWN_KEY_ID, id);
        assertRefused("Bearer " + issued.fullKey().replace("cf_test_", "cf_live_"),
                ApiKeyRefused.Presented.KNOWN_KEY_ID, id);
        assertRefused("Bearer " + revoked.fullKey(), ApiKeyRefused.Presented.REVOKED_KEY_ID, revoked.stored().keyId());
        assertRefused("Bearer cf_test_" + revoked.stored().keyId() + RandomIds.base62(32),
                ApiKeyRefused.Presented.REVOKED_KEY_ID, revoked.stored().keyId());
    }

    @Test
    void cachedVerificationSkipsTheKeyTable() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);

        for (int i = 0; i < 5; i++) {
            authenticator.authenticate("Bearer " + issued.fullKey());
        }

        assertEquals(1, hasher.matchCalls());
        assertEquals(1, keys.findCalls());
    }

    @Test
    void wrongSecretIsNotAcceptedFromTheCache() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        authenticator.authenticate("Bearer " + issued.fullKey());

        assertAuthenticationFailed("Bearer cf_test_" + issued.stored().keyId() + "y".repeat(32));
    }

    @Test
    void rightKeyStillWorksAfterSomeoneTriedAWrongSecret() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        authenticator.authenticate("Bearer " + issued.fullKey());
        assertAuthenticationFailed("Bearer cf_test_" + issued.stored().keyId() + "y".repeat(32));

        assertEquals(MERCHANT, authenticator.authenticate("Bearer " + issued.fullKey()).merchantId());
    }

    @Test
    void cacheEntryIsVerifiedAgainAgainstTheTableAfterItExpires() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        authenticator.authenticate("Bearer " + issued.fullKey());

        nanos.advance(Duration.ofSeconds(61));
        authenticator.authenticate("Bearer " + issued.fullKey());

        assertEquals(2, hasher.matchCalls());
    }

    @Test
    void revokedKeyIsRefused() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        keys.revoke(issued.stored().keyId());

        assertAuthenticationFailed("Bearer " + issued.fullKey());
    }

    @Test
    void revokedKeyIsRefusedOnceCacheEntryExpires() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        authenticator.authenticate("Bearer " + issued.fullKey());
        keys.revoke(issued.stored().keyId());

        // Alone, the cache still vouches for the key (the pipeline learns of the revocation from the
        // rate-limit count's mark); it lets go when its entry expires.
        assertEquals(MERCHANT, authenticator.authenticate("Bearer " + issued.fullKey()).merchantId());

        nanos.advance(Duration.ofSeconds(61));
        assertAuthenticationFailed("Bearer " + issued.fullKey());
    }

    @Test
    void authenticationAgainstTheStoreRefusesAKeyRevokedElsewhereThoughItIsCached() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        authenticator.authenticate("Bearer " + issued.fullKey());
        keys.revoke(issued.stored().keyId());

        ApiKeyRefused refused = assertThrows(ApiKeyRefused.class,
                () -> authenticator.authenticateAgainstStore("Bearer " + issued.fullKey(), keyId -> { }));

        assertEquals(ErrorCode.AUTHENTICATION_FAILED, refused.code());
        assertAuthenticationFailed("Bearer " + issued.fullKey());
    }

    @Test
    void authenticationAgainstTheStoreAcceptsAnActiveKeyEveryTime() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        authenticator.authenticate("Bearer " + issued.fullKey());

        for (int i = 0; i < 3; i++) {
            assertEquals(MERCHANT, authenticator.authenticateAgainstStore("Bearer " + issued.fullKey(), keyId -> { })
                    .merchantId());
        }

        assertEquals(4, keys.findCalls(), "one read of the table per call");
    }

    @Test
    void testKeyPresentedWithLivePrefixIsRefused() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);

        assertAuthenticationFailed("Bearer " + issued.fullKey().replace("cf_test_", "cf_live_"));
    }

    @Test
    void testKeyPresentedWithLivePrefixIsRefusedEvenWhileTheTestKeyIsCached() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        authenticator.authenticate("Bearer " + issued.fullKey());

        assertAuthenticationFailed("Bearer " + issued.fullKey().replace("cf_test_", "cf_live_"));
    }

    @Test
    void lastUseIsRecordedWhenTheTableIsReadNotOnCachedRequests() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        assertNull(keys.find(issued.stored().keyId()).orElseThrow().lastUsedAt());

        authenticator.authenticate("Bearer " + issued.fullKey());
        clock.advance(Duration.ofSeconds(30));
        authenticator.authenticate("Bearer " + issued.fullKey());

        assertEquals(TestClocks.NOW, keys.find(issued.stored().keyId()).orElseThrow().lastUsedAt(),
                "the cached request wrote nothing");
        nanos.advance(Duration.ofSeconds(61));
        clock.advance(Duration.ofSeconds(31));
        authenticator.authenticate("Bearer " + issued.fullKey());
        assertEquals(TestClocks.NOW.plusSeconds(61), keys.find(issued.stored().keyId()).orElseThrow().lastUsedAt());
    }

    @Test
    void wrongSecretRecordsNoUse() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);

        assertAuthenticationFailed("Bearer cf_test_" + issued.stored().keyId() + "y".repeat(32));

        assertNull(keys.find(issued.stored().keyId()).orElseThrow().lastUsedAt());
    }

    @Test
    void aFailedLastUseWriteStillAuthenticatesAndLogsAWarningWithoutTheKey() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        keys.failRecordingUseWith(new IllegalStateException("table unavailable"));

        AuthenticatedKey caller;
        String log;
        try (CapturedLog captured = CapturedLog.start()) {
            caller = authenticator.authenticate("Bearer " + issued.fullKey());
            log = captured.text();
        }

        assertEquals(MERCHANT, caller.merchantId());
        assertTrue(log.contains("api_key_last_used_not_recorded"), log);
        assertTrue(log.contains("key_" + issued.stored().keyId()), log);
        assertFalse(log.contains(issued.fullKey().substring(8 + 16)), "the secret is never logged: " + log);
    }

    private StoredApiKey legacyKey(String secret) {
        StoredApiKey key = new StoredApiKey(RandomIds.base62(16), MERCHANT, Mode.TEST,
                new BcryptSecretHasher(4).hash(secret), "cf_test_x…", null, ApiKeyStatus.ACTIVE, TestClocks.NOW, null,
                null);
        keys.create(key);
        return key;
    }

    private void assertRefused(String header, ApiKeyRefused.Presented presented, String keyId) {
        ApiKeyRefused refused = assertThrows(ApiKeyRefused.class, () -> authenticator.authenticate(header));
        assertEquals(presented, refused.presented(), header);
        assertEquals(keyId, refused.keyId(), header);
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, refused.code());
    }

    private ApiException assertAuthenticationFailed(String header) {
        ApiException e = assertThrows(ApiException.class, () -> authenticator.authenticate(header));
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, e.code());
        return e;
    }
}
