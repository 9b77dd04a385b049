package com.circoflows.domain.dashboard;

import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.webhook.signing.WebhookSecret;

/**
 * A new merchant with its owner, signed in. The session token (for the cookie), the first test key and
 * the webhook signing secret are here once and never again; every part's toString hides them.
 */
public record SignedUp(Merchant merchant, DashboardUser owner, IssuedDashboardSession session,
        IssuedApiKey firstTestKey, WebhookSecret webhookSecret) {
}
