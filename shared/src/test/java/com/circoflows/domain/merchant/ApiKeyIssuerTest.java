package com.circoflows.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.TestClocks;
import org.junit.jupiter.api.Test;

class ApiKeyIssuerTest {
    private static final String MERCHANT = "mch_AAAAAAAAAAAAAAAAAAAA";

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final CountingSecretHasher hasher = CountingSecretHasher.sha256();
    private final ApiKeyIssuer issuer = new ApiKeyIssuer(keys, hasher, TestClocks.fixed());

    @Test
    void issuedTestKeyHasOurLayoutAndIsStoredActiveForItsMerchant() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);

        assertTrue(issued.fullKey().matches("cf_test_[0-9A-Za-z]{48}"), "layout of the issued key");
        StoredApiKey stored = keys.find(issued.stored().keyId()).orElseThrow();
        assertEquals(MERCHANT, stored.merchantId());
        assertEquals(Mode.TEST, stored.mode());
        assertEquals(ApiKeyStatus.ACTIVE, stored.status());
        assertEquals(TestClocks.NOW, stored.createdAt());
        assertEquals(ApiKeyFormat.parse(issued.fullKey()).orElseThrow().lookupId(), stored.keyId());
    }

    @Test
    void liveKeyHasLivePrefix() {
        assertTrue(issuer.issue(MERCHANT, Mode.LIVE).fullKey().startsWith("cf_live_"));
    }

    @Test
    void onlyTheSha256HashOfTheSecretIsStored() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);
        String secret = ApiKeyFormat.parse(issued.fullKey()).orElseThrow().secret();
        StoredApiKey stored = keys.all().get(0);

        assertTrue(stored.secretHash().startsWith("sha256:"), "a SHA-256 hash");
        assertFalse(stored.toString().contains(secret), "the stored record never holds the secret");
        assertFalse(stored.toString().contains(issued.fullKey()));
        assertTrue(hasher.matches(secret, stored.secretHash()));
        assertEquals(1, hasher.hashCalls());
    }

    @Test
    void printingAnIssuedKeyShowsOnlyItsDisplayPrefix() {
        IssuedApiKey issued = issuer.issue(MERCHANT, Mode.TEST);

        assertFalse(issued.toString().contains(issued.fullKey()));
        assertTrue(issued.toString().contains(issued.stored().displayPrefix()));
    }

    @Test
    void everyIssuedKeyIsDifferent() {
        IssuedApiKey first = issuer.issue(MERCHANT, Mode.TEST);
        IssuedApiKey second = issuer.issue(MERCHANT, Mode.TEST);

        assertNotEquals(first.fullKey(), second.fullKey());
        assertNotEquals(first.stored().keyId(), second.stored().keyId());
    }

    @Test
    void registeredDemoKeyIsStoredUnderItsOwnLookupId() {
        String demoKey = "cf_test_DemoDemoDemoDemo" + "abcdefghijklmnopqrstuvwxyz012345";

        IssuedApiKey issued = issuer.register(MERCHANT, demoKey);

        assertEquals(demoKey, issued.fullKey());
        assertEquals("DemoDemoDemoDemo", issued.stored().keyId());
        assertEquals(Mode.TEST, issued.stored().mode());
    }

    @Test
    void malformedDemoKeyIsRefusedWithoutEchoingIt() {
        String notAKey = "cf_test_tooShort4242424242424242";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> issuer.register(MERCHANT, notAKey));

        assertFalse(e.getMessage().contains(notAKey));
        assertTrue(keys.all().isEmpty());
    }
}
