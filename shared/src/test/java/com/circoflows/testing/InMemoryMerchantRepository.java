package com.circoflows.testing;

import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.merchant.MerchantRepository;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryMerchantRepository implements MerchantRepository {
    private final Map<String, Merchant> merchants = new LinkedHashMap<>();
    private final Map<String, WebhookSecret> webhookSecrets = new LinkedHashMap<>();

    @Override
    public synchronized void create(Merchant merchant, WebhookSecret webhookSecret) {
        if (merchants.putIfAbsent(merchant.merchantId(), merchant) != null) {
            throw new IllegalStateException("duplicate merchant " + merchant.merchantId());
        }
        webhookSecrets.put(merchant.merchantId(), webhookSecret);
    }

    /** The signing secret the merchant was created with. */
    public synchronized WebhookSecret webhookSecretOf(String merchantId) {
        return webhookSecrets.get(merchantId);
    }

    @Override
    public synchronized Optional<Merchant> find(String merchantId) {
        return Optional.ofNullable(merchants.get(merchantId));
    }

    public synchronized List<Merchant> all() {
        return List.copyOf(merchants.values());
    }
}
