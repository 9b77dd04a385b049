package com.circoflows.domain.webhook;

/**
 * Whether a merchant has an endpoint for the events its payments announce without a webhook_url of
 * their own. An event with neither has nowhere to go: it is recorded, but no delivery job is queued.
 */
@FunctionalInterface
public interface WebhookDestinations {
    boolean merchantHasEndpoint(String merchantId);
}
