package com.circoflows.client.model;

import java.time.Instant;

/** One attempt at delivering an event. */
public final class DeliveryAttempt {
    private Integer number;
    private String at;
    private String url;
    private Integer httpStatus;
    private String error;
    private Long durationMs;
    private String response;

    private DeliveryAttempt() {
    }

    /** 1 for the first attempt. */
    public Integer getNumber() {
        return number;
    }

    public Instant getAt() {
        return Timestamps.parse(at);
    }

    /** Null when there was nowhere to send it (no endpoint set). */
    public String getUrl() {
        return url;
    }

    /** Null when no HTTP answer came. */
    public Integer getHttpStatus() {
        return httpStatus;
    }

    /** Why no HTTP answer came (timeout, connection, no_endpoint), or null. */
    public String getError() {
        return error;
    }

    public Long getDurationMs() {
        return durationMs;
    }

    /** The first 256 characters of the endpoint's answer. */
    public String getResponse() {
        return response;
    }
}
