package com.circoflows.domain.merchant;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.time.Clock;

/**
 * Creates a merchant together with its first API key and its webhook signing secret (admin tool,
 * local runner's demo merchant). Both are returned to be shown once.
 */
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
        NewMerchant created = newMerchant(name);
        return new Onboarded(created.merchant(), issuer.issue(created.merchant().merchantId(), mode),
                created.webhookSecret());
    }

    /** Same, with a key text chosen by the caller (must be a well-formed CircoFlows key). */
    public Onboarded createMerchantWithKey(String name, String fullKey) {
        if (ApiKeyFormat.parse(fullKey).isEmpty()) {
            throw new IllegalArgumentException(
                    "not a CircoFlows API key: expected cf_test_ or cf_live_ followed by 48 letters/digits");
        }
        NewMerchant created = newMerchant(name);
        return new Onboarded(created.merchant(), issuer.register(created.merchant().merchantId(), fullKey),
                created.webhookSecret());
    }

    private NewMerchant newMerchant(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("merchant name must be 1 to 100 characters");
        }
        Merchant merchant = new Merchant(RandomIds.withPrefix("mch_", 20), name.strip(), clock.instant());
        WebhookSecret webhookSecret = WebhookSecret.generate();
        merchants.create(merchant, webhookSecret);
        return new NewMerchant(merchant, webhookSecret);
    }

    private record NewMerchant(Merchant merchant, WebhookSecret webhookSecret) {
    }

    /** @param webhookSecret the merchant's signing secret, shown with its first key and never again */
    public record Onboarded(Merchant merchant, IssuedApiKey firstKey, WebhookSecret webhookSecret) {
    }
}
