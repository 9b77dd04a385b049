package com.circoflows.domain.webhook;

/**
 * What one POST to a merchant's endpoint came to.
 *
 * @param httpStatus      the endpoint's status code, or null when no response arrived
 * @param error           null whenever there was an HTTP response; otherwise a machine word, with a
 *                        detail after a colon where it helps ({@code timeout}, {@code connection_refused},
 *                        {@code ssrf_blocked: 10.0.0.1}, {@code tls_error: …}, {@code dns_failure: …})
 * @param responseSnippet the start of the response body for the merchant's delivery history, as a
 *                        {@link ResponseExcerpt} (one line, card numbers masked, at most 256
 *                        characters), or null
 */
public record TransportResult(Integer httpStatus, String error, long durationMillis, String responseSnippet) {
    public static final int SNIPPET_CHARS = ResponseExcerpt.MAX_CHARS;

    public TransportResult {
        if ((httpStatus == null) == (error == null)) {
            throw new IllegalArgumentException("a transport result has either an HTTP status or an error");
        }
        durationMillis = Math.max(0, durationMillis);
        responseSnippet = ResponseExcerpt.of(responseSnippet);
    }

    public static TransportResult response(int httpStatus, long durationMillis, String responseSnippet) {
        return new TransportResult(httpStatus, null, durationMillis, responseSnippet);
    }

    public static TransportResult failure(String error, long durationMillis) {
        return new TransportResult(null, error, durationMillis, null);
    }

    public boolean succeeded() {
        return httpStatus != null && httpStatus >= 200 && httpStatus <= 299;
    }

    /** 410 Gone: the merchant says this endpoint is retired, so it gets no more deliveries. */
    public boolean gone() {
        return httpStatus != null && httpStatus == 410;
    }
}
