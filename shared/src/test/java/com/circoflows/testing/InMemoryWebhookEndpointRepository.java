package com.circoflows.testing;

import com.circoflows.domain.webhook.WebhookDestinations;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.domain.webhook.WebhookEndpointRepository;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Merchants' webhook settings in memory, behaving as the DynamoDB adapter does. */
public final class InMemoryWebhookEndpointRepository implements WebhookEndpointRepository, WebhookDestinations {
    private final Map<String, WebhookEndpoint> endpoints = new HashMap<>();
    private int disableCalls;

    /** Stores an endpoint as is (a test's starting point: mid-rotation, disabled, no secret…). */
    public synchronized void put(WebhookEndpoint endpoint) {
        endpoints.put(endpoint.merchantId(), endpoint);
    }

    @Override
    public synchronized Optional<WebhookEndpoint> find(String merchantId) {
        WebhookEndpoint endpoint = endpoints.get(merchantId);
        if (endpoint == null || endpoint.url() == null && endpoint.secret() == null) {
            return Optional.empty();
        }
        return Optional.of(endpoint);
    }

    @Override
    public synchronized boolean merchantHasEndpoint(String merchantId) {
        WebhookEndpoint endpoint = endpoints.get(merchantId);
        return endpoint != null && endpoint.url() != null;
    }

    @Override
    public synchronized WebhookEndpoint setUrl(String merchantId, String url, WebhookSecret secretIfNone) {
        WebhookEndpoint current = endpoints.get(merchantId);
        WebhookEndpoint next = current == null
                ? new WebhookEndpoint(merchantId, url, secretIfNone, null, null, false, null)
                : new WebhookEndpoint(merchantId, url, current.secret() == null ? secretIfNone : current.secret(),
                        current.previousSecret(), current.previousSecretExpiresAt(), false, null);
        endpoints.put(merchantId, next);
        return next;
    }

    @Override
    public synchronized WebhookSecret ensureSecret(String merchantId, WebhookSecret secretIfNone) {
        WebhookEndpoint current = endpoints.get(merchantId);
        if (current != null && current.secret() != null) {
            return current.secret();
        }
        endpoints.put(merchantId, current == null
                ? new WebhookEndpoint(merchantId, null, secretIfNone, null, null, false, null)
                : new WebhookEndpoint(merchantId, current.url(), secretIfNone, current.previousSecret(),
                        current.previousSecretExpiresAt(), current.disabled(), current.disabledReason()));
        return secretIfNone;
    }

    @Override
    public synchronized WebhookEndpoint rotateSecret(String merchantId, WebhookSecret newSecret,
            Instant previousExpiresAt) {
        WebhookEndpoint current = endpoints.get(merchantId);
        WebhookEndpoint next;
        if (current == null) {
            next = new WebhookEndpoint(merchantId, null, newSecret, null, null, false, null);
        } else if (current.secret() == null) {
            next = new WebhookEndpoint(merchantId, current.url(), newSecret, current.previousSecret(),
                    current.previousSecretExpiresAt(), current.disabled(), current.disabledReason());
        } else {
            next = new WebhookEndpoint(merchantId, current.url(), newSecret, current.secret(), previousExpiresAt,
                    current.disabled(), current.disabledReason());
        }
        endpoints.put(merchantId, next);
        return next;
    }

    @Override
    public synchronized boolean expirePreviousSecret(String merchantId, Instant now) {
        WebhookEndpoint current = endpoints.get(merchantId);
        if (current == null) {
            throw new IllegalStateException("DynamoDB UpdateItem refused by its condition");
        }
        endpoints.put(merchantId, new WebhookEndpoint(merchantId, current.url(), current.secret(), null, null,
                current.disabled(), current.disabledReason()));
        return current.previousSecretAt(now) != null;
    }

    @Override
    public synchronized void disable(String merchantId, String reason) {
        disableCalls++;
        WebhookEndpoint current = endpoints.get(merchantId);
        if (current == null) {
            throw new IllegalStateException("DynamoDB UpdateItem refused by its condition");
        }
        endpoints.put(merchantId, new WebhookEndpoint(merchantId, current.url(), current.secret(),
                current.previousSecret(), current.previousSecretExpiresAt(), true, reason));
    }

    public synchronized WebhookEndpoint stored(String merchantId) {
        WebhookEndpoint endpoint = endpoints.get(merchantId);
        if (endpoint == null) {
            throw new AssertionError("no webhook endpoint for " + merchantId);
        }
        return endpoint;
    }

    public synchronized int disableCalls() {
        return disableCalls;
    }
}
