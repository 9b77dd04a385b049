package com.circoflows.domain.merchant;

import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.util.Optional;

public interface MerchantRepository {
    /**
     * Stores a new merchant together with its webhook signing secret, in one write: every merchant can
     * be sent signed webhooks from its first payment on, to its endpoint or a payment's own webhook_url.
     */
    void create(Merchant merchant, WebhookSecret webhookSecret);

    Optional<Merchant> find(String merchantId);
}
