package com.circoflows.domain.webhook;

import java.util.Map;

/**
 * Sends one signed webhook to a merchant's URL. Implementations never throw for network trouble:
 * every outcome, including a refused or unreachable target, is a {@link TransportResult}, because
 * each one is recorded in the event's delivery history.
 */
public interface WebhookTransport {
    TransportResult post(String url, Map<String, String> headers, String body);
}
