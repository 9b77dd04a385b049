package com.circoflows.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryMerchantRepository;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MerchantOnboardingTest {
    private final InMemoryMerchantRepository merchants = new InMemoryMerchantRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final CountingSecretHasher hasher = CountingSecretHasher.sha256();
    private final CountingSecretHasher legacyHasher = CountingSecretHasher.fastBcrypt();
    private final MerchantOnboarding onboarding = new MerchantOnboarding(merchants,
            new ApiKeyIssuer(keys, hasher, TestClocks.fixed()), TestClocks.fixed());
    private final ApiKeyAuthenticator authenticator =
            new ApiKeyAuthenticator(keys, hasher, legacyHasher,
                    new VerifiedKeyCache(Duration.ofSeconds(60), System::nanoTime),
                    TestClocks.fixed());

    @Test
    void newMerchantsFirstKeyAuthenticatesAsThatMerchant() {
        MerchantOnboarding.Onboarded onboarded = onboarding.createMerchant("Acme Books", Mode.TEST);

        Merchant merchant = onboarded.merchant();
        assertTrue(merchant.merchantId().matches("mch_[0-9A-Za-z]{20}"), merchant.merchantId());
        assertEquals(TestClocks.NOW, merchant.createdAt());
        assertEquals(merchant, merchants.find(merchant.merchantId()).orElseThrow());
        AuthenticatedKey caller = authenticator.authenticate("Bearer " + onboarded.firstKey().fullKey());
        assertEquals(merchant.merchantId(), caller.merchantId());
        assertEquals(Mode.TEST, caller.mode());
    }

    @Test
    void everyNewMerchantIsStoredWithTheWebhookSigningSecretItsOnboardingShows() {
        MerchantOnboarding.Onboarded created = onboarding.createMerchant("Acme Books", Mode.TEST);
        MerchantOnboarding.Onboarded demo = onboarding.createMerchantWithKey("Demo Shop",
                "cf_test_DemoDemoDemoDemo" + "abcdefghijklmnopqrstuvwxyz012345");

        assertTrue(created.webhookSecret().value().startsWith("whsec_"));
        assertEquals(created.webhookSecret(), merchants.webhookSecretOf(created.merchant().merchantId()));
        assertEquals(demo.webhookSecret(), merchants.webhookSecretOf(demo.merchant().merchantId()));
        assertNotEquals(created.webhookSecret(), demo.webhookSecret());
    }

    @Test
    void merchantNameIsStoredWithoutSurroundingSpaces() {
        assertEquals("Acme Books", onboarding.createMerchant("  Acme Books \n", Mode.TEST).merchant().name());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankNameIsRefusedAndNothingIsStored(String name) {
        assertThrows(IllegalArgumentException.class, () -> onboarding.createMerchant(name, Mode.TEST));

        assertTrue(merchants.all().isEmpty());
        assertTrue(keys.all().isEmpty());
    }

    @Test
    void nameOfAHundredCharactersIsAcceptedButNotLonger() {
        onboarding.createMerchant("n".repeat(100), Mode.TEST);

        assertThrows(IllegalArgumentException.class, () -> onboarding.createMerchant("n".repeat(101), Mode.TEST));
    }

    @Test
    void demoMerchantGetsTheChosenKeyText() {
        String demoKey = "cf_test_DemoDemoDemoDemo" + "abcdefghijklmnopqrstuvwxyz012345";

        MerchantOnboarding.Onboarded onboarded = onboarding.createMerchantWithKey("Demo Shop", demoKey);

        assertEquals(demoKey, onboarded.firstKey().fullKey());
        assertEquals(onboarded.merchant().merchantId(), authenticator.authenticate("Bearer " + demoKey).merchantId());
    }

    @Test
    void malformedDemoKeyLeavesNoMerchantBehind() {
        assertThrows(IllegalArgumentException.class,
                () -> onboarding.createMerchantWithKey("Demo Shop", "cf_test_not-a-valid-key"));

        assertTrue(merchants.all().isEmpty(), "no merchant without a key");
    }
}
