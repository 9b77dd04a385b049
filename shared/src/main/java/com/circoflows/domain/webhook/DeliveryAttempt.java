package com.circoflows.domain.webhook;

import java.time.Instant;

/**
 * One try at delivering an event, as the merchant sees it in the event's history.
 *
 * @param httpStatus the endpoint's answer, or null when there was none (see {@code error})
 * @param error      why there was no usable answer (timeout, connection_refused, ssrf_blocked…), or null
 * @param responseSnippet a {@link ResponseExcerpt} of the endpoint's answer, or null; made one again
 *                   here, so history stored before excerpts were sanitised is shown sanitised too
 */
public record DeliveryAttempt(int number, Instant at, String url, Integer httpStatus, String error,
        long durationMillis, String responseSnippet) {

    public DeliveryAttempt {
        responseSnippet = ResponseExcerpt.of(responseSnippet);
    }
}
