package com.circoflows.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.ManualNanoClock;
import com.circoflows.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class ApiKeyManagementTest {
    private static final String MERCHANT = "mch_AAAAAAAAAAAAAAAAAAAA";
    private static final String OTHER_MERCHANT = "mch_BBBBBBBBBBBBBBBBBBBB";

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final CountingSecretHasher hasher = CountingSecretHasher.sha256();
    private final CountingSecretHasher legacyHasher = CountingSecretHasher.fastBcrypt();
    private final MutableClock clock = MutableClock.atTestNow();
    private final VerifiedKeyCache cache = new VerifiedKeyCache(Duration.ofSeconds(60), new ManualNanoClock());
    private final ApiKeyIssuer issuer = new ApiKeyIssuer(keys, hasher, clock);
    private final List<String> announced = new ArrayList<>();
    private final ApiKeyManagement management = new ApiKeyManagement(keys, issuer, cache, announced::add, clock);
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys, hasher, legacyHasher, cache, clock);
    private final IssuedApiKey first = issuer.issue(MERCHANT, Mode.TEST);
    private final AuthenticatedKey caller = authenticator.authenticate("Bearer " + first.fullKey());

    @Test
    void createdKeyIsOfTheCallersMerchantAndModeWithItsNameAndAuthenticates() {
        clock.advance(Duration.ofMinutes(1));

        IssuedApiKey created = management.create(caller, "CI deploys");

        assertEquals(MERCHANT, created.stored().merchantId());
        assertEquals(Mode.TEST, created.stored().mode());
        assertEquals("CI deploys", created.stored().name());
        assertEquals(ApiKeyStatus.ACTIVE, created.stored().status());
        assertEquals(clock.instant(), created.stored().createdAt());
        assertNull(created.stored().lastUsedAt());
        assertTrue(created.fullKey().startsWith("cf_test_" + created.stored().keyId()), "the key names its id");
        assertEquals(MERCHANT, authenticator.authenticate("Bearer " + created.fullKey()).merchantId());
    }

    @Test
    void listShowsOnlyTheCallersMerchantAndModeNewestFirstAndPagesThroughThem() {
        clock.advance(Duration.ofSeconds(1));
        IssuedApiKey second = management.create(caller, "second");
        clock.advance(Duration.ofSeconds(1));
        IssuedApiKey third = management.create(caller, null);
        issuer.issue(MERCHANT, Mode.LIVE);
        issuer.issue(OTHER_MERCHANT, Mode.TEST);

        ApiKeyPage page = management.list(caller, 2, null);
        ApiKeyPage rest = management.list(caller, 2, page.nextCursor());

        assertEquals(List.of(third.stored().keyId(), second.stored().keyId()), ids(page));
        assertEquals(List.of(first.stored().keyId()), ids(rest));
        assertNull(rest.nextCursor());
    }

    @Test
    void revokedKeyStaysListedAndStopsAuthenticatingAtOnceInThisContainer() {
        IssuedApiKey old = management.create(caller, "old");
        authenticator.authenticate("Bearer " + old.fullKey());
        clock.advance(Duration.ofSeconds(5));

        StoredApiKey revoked = management.revoke(caller, old.stored().keyId(), false);

        assertEquals(ApiKeyStatus.REVOKED, revoked.status());
        assertEquals(clock.instant(), revoked.revokedAt());
        assertEquals(ApiKeyStatus.REVOKED, keys.find(old.stored().keyId()).orElseThrow().status());
        assertTrue(ids(management.list(caller, 10, null)).contains(old.stored().keyId()));
        ApiException refused = assertThrows(ApiException.class,
                () -> authenticator.authenticate("Bearer " + old.fullKey()));
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, refused.code());
        assertEquals(List.of(old.stored().keyId()), announced, "the other containers are told");
    }

    @Test
    void revokingAnAlreadyRevokedKeyAnswersItUnchangedAndAnnouncesItAgain() {
        IssuedApiKey old = management.create(caller, null);
        StoredApiKey once = management.revoke(caller, old.stored().keyId(), false);
        clock.advance(Duration.ofMinutes(3));

        StoredApiKey again = management.revoke(caller, old.stored().keyId(), false);

        assertEquals(once.revokedAt(), again.revokedAt());
        assertEquals(ApiKeyStatus.REVOKED, again.status());
        assertEquals(List.of(old.stored().keyId(), old.stored().keyId()), announced);
    }

    @Test
    void aFailedAnnouncementStillAnswersTheRevocationAndLogsItWithoutTheSecret() {
        IssuedApiKey old = management.create(caller, null);
        ApiKeyManagement failingToAnnounce = new ApiKeyManagement(keys, issuer, cache, keyId -> {
            throw new IllegalStateException("rate-limit table unavailable");
        }, clock);

        StoredApiKey revoked;
        String log;
        try (CapturedLog captured = CapturedLog.start()) {
            revoked = failingToAnnounce.revoke(caller, old.stored().keyId(), false);
            log = captured.text();
        }

        assertEquals(ApiKeyStatus.REVOKED, revoked.status());
        assertEquals(ApiKeyStatus.REVOKED, keys.find(old.stored().keyId()).orElseThrow().status());
        assertTrue(log.contains("api_key_revocation_not_announced"), log);
        assertTrue(log.contains("key_" + old.stored().keyId()), log);
        assertFalse(log.contains(old.fullKey().substring(24)), log);
    }

    @Test
    void lastActiveKeyRefusedWithoutConfirmationIsNotAnnounced() {
        assertThrows(ApiException.class, () -> management.revoke(caller, first.stored().keyId(), false));

        assertTrue(announced.isEmpty());
    }

    @Test
    void lastActiveKeyIsNotRevokedWithoutConfirmation() {
        IssuedApiKey revokedEarlier = management.create(caller, null);
        management.revoke(caller, revokedEarlier.stored().keyId(), false);

        ApiException refused = assertThrows(ApiException.class,
                () -> management.revoke(caller, first.stored().keyId(), false));

        assertEquals(ErrorCode.LAST_ACTIVE_KEY, refused.code());
        assertEquals(ApiKeyStatus.ACTIVE, keys.find(first.stored().keyId()).orElseThrow().status(), "nothing changed");
    }

    @Test
    void activeKeysOfTheOtherModeOrMerchantDoNotCountAsAnotherKey() {
        issuer.issue(MERCHANT, Mode.LIVE);
        issuer.issue(OTHER_MERCHANT, Mode.TEST);

        ApiException refused = assertThrows(ApiException.class,
                () -> management.revoke(caller, first.stored().keyId(), false));

        assertEquals(ErrorCode.LAST_ACTIVE_KEY, refused.code());
    }

    @Test
    void lastActiveKeyIsRevokedWhenConfirmedEvenTheCallersOwn() {
        StoredApiKey revoked = management.revoke(caller, first.stored().keyId(), true);

        assertEquals(ApiKeyStatus.REVOKED, revoked.status());
        assertTrue(keys.activeKeyIds(MERCHANT, Mode.TEST).isEmpty());
        assertThrows(ApiException.class, () -> authenticator.authenticate("Bearer " + first.fullKey()));
    }

    @Test
    void callerMayRevokeItsOwnKeyWhileAnotherStaysActive() {
        IssuedApiKey next = management.create(caller, "next");

        management.revoke(caller, first.stored().keyId(), false);

        assertEquals(List.of(next.stored().keyId()), keys.activeKeyIds(MERCHANT, Mode.TEST));
    }

    @Test
    void keysOfAnotherMerchantOrModeAreNotFoundLikeUnknownOnesAndStayActive() {
        IssuedApiKey othersKey = issuer.issue(OTHER_MERCHANT, Mode.TEST);
        IssuedApiKey liveKey = issuer.issue(MERCHANT, Mode.LIVE);

        for (String keyId : List.of(othersKey.stored().keyId(), liveKey.stored().keyId(), "NoSuchLookupId00")) {
            ApiException notFound = assertThrows(ApiException.class, () -> management.revoke(caller, keyId, true));
            assertEquals(ErrorCode.API_KEY_NOT_FOUND, notFound.code());
            assertEquals("API key does not exist.", notFound.getMessage());
        }
        assertEquals(ApiKeyStatus.ACTIVE, keys.find(othersKey.stored().keyId()).orElseThrow().status());
        assertEquals(ApiKeyStatus.ACTIVE, keys.find(liveKey.stored().keyId()).orElseThrow().status());
    }

    @Test
    void activeKeysAreCappedPerMerchantAndModeAndRevokingOneMakesRoom() {
        for (int i = 1; i < ApiKeyManagement.MAX_ACTIVE_KEYS_PER_MODE; i++) {
            management.create(caller, "key " + i);
        }
        issuer.issue(MERCHANT, Mode.LIVE);

        ApiException refused = assertThrows(ApiException.class, () -> management.create(caller, "one too many"));

        assertEquals(ErrorCode.API_KEY_LIMIT_REACHED, refused.code());
        assertEquals(ApiKeyManagement.MAX_ACTIVE_KEYS_PER_MODE, keys.activeKeyIds(MERCHANT, Mode.TEST).size());
        management.revoke(caller, keys.activeKeyIds(MERCHANT, Mode.TEST).get(1), false);
        assertEquals("room again", management.create(caller, "room again").stored().name());
    }

    private static List<String> ids(ApiKeyPage page) {
        return page.keys().stream().map(StoredApiKey::keyId).toList();
    }
}
