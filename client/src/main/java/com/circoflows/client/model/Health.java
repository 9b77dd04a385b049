package com.circoflows.client.model;

import java.time.Instant;

/** The API is up and the key works: whose key it is and in which mode. */
public final class Health {
    private String status;
    private String version;
    private String merchantId;
    private String mode;
    private String time;

    private Health() {
    }

    /** ok. */
    public String getStatus() {
        return status;
    }

    public String getVersion() {
        return version;
    }

    public String getMerchantId() {
        return merchantId;
    }

    /** test or live: the key's mode. */
    public String getMode() {
        return mode;
    }

    /** The API's clock, to compare with yours (webhook timestamps are checked against it). */
    public Instant getTime() {
        return Timestamps.parse(time);
    }

    @Override
    public String toString() {
        return "Health[" + status + ", " + merchantId + ", " + mode + "]";
    }
}
