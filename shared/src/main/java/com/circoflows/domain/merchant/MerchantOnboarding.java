package com.circoflows.domain.merchant;

import com.circoflows.domain.ids.RandomIds;
import java.time.Clock;

/** Creates a merchant together with its first API key (admin tool, local runner's demo merchant). */
public final class MerchantOnboarding {
    private final MerchantRepository merchants;
    private final ApiKeyIssuer issuer;
    private final Clock clock;

    public MerchantOnboarding(MerchantRepository merchants, ApiKeyIssuer issuer, Clock clock) {
        this.merchants = merchants;
        this.issuer = issuer;
        this.clock = clock;
    }

    public Onboarded createMerchant(String name, Mode mode) {
        Merchant merchant = newMerchant(name);
        return new Onboarded(merchant, issuer.issue(merchant.merchantId(), mode));
    }

    /** Same, with a key text chosen by the caller (must be a well-formed CircoFlows key). */
    public Onboarded createMerchantWithKey(String name, String fullKey) {
        if (ApiKeyFormat.parse(fullKey).isEmpty()) {
            throw new IllegalArgumentException(
                    "not a CircoFlows API key: expected cf_test_ or cf_live_ followed by 48 letters/digits");
        }
        Merchant merchant = newMerchant(name);
        return new Onboarded(merchant, issuer.register(merchant.merchantId(), fullKey));
    }

    private Merchant newMerchant(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("merchant name must be 1 to 100 characters");
        }
        Merchant merchant = new Merchant(RandomIds.withPrefix("mch_", 20), name.strip(), clock.instant());
        merchants.create(merchant);
        return merchant;
    }

    public record Onboarded(Merchant merchant, IssuedApiKey firstKey) {
    }
}
