package com.circoflows.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.ManualNanoClock;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyAuthenticatorTest {
    private static final String MERCHANT = "mch_AAAAAAAAAAAAAAAAAAAA";

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final CountingSecretHasher hasher = CountingSecretHasher.fastBcrypt();
    private final ManualNanoClock nanos = new ManualNanoClock();
    private final MutableClock clock = MutableClock.atTestNow();
    private final ApiKeyAuthenticator authenticator =
            new ApiKeyAuthenticator(keys, hasher, new VerifiedKeyCache(Duration.ofSeconds(60), nanos), clock);
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
    void malformedKeyIsRefusedWithoutTouchingTheStoreOrBcrypt() {
        assertAuthenticationFailed("Bearer YOUR_API_KEY");

        assertEquals(0, keys.findCalls());
        assertEquals(0, hasher.matchCalls());
    }

    @Test
    void unknownLookupIdIsAuthenticationFailedWithoutBcrypt() {
        assertAuthenticationFailed("Bearer cf_test_NoSuchLookupId0" + "abcdefghijklmnopqrstuvwxyz012345");

        assertEquals(0, hasher.matchCalls());
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
    void cachedVerificationSkipsBcrypt() {
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
    void cacheEntryIsVerifiedAgainWithBcryptAfterItExpires() {
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

        // The documented revocation delay: the container's cache still vouches for the key.
        assertEquals(MERCHANT, authenticator.authenticate("Bearer " + issued.fullKey()).merchantId());

        nanos.advance(Duration.ofSeconds(61));
        assertAuthenticationFailed("Bearer " + issued.fullKey());
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
    void lastUseIsRecordedWhenBcryptVerifiesNotOnCachedRequests() {
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

    private ApiException assertAuthenticationFailed(String header) {
        ApiException e = assertThrows(ApiException.class, () -> authenticator.authenticate(header));
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, e.code());
        return e;
    }
}
