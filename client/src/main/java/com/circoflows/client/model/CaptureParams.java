package com.circoflows.client.model;

/** Captures an authorized payment: all of it, or part of it (the rest is released). */
public final class CaptureParams {
    private final Long amount;

    private CaptureParams(Long amount) {
        this.amount = amount;
    }

    public static CaptureParams all() {
        return new CaptureParams(null);
    }

    /** @param amount in minor units, at most the authorised amount */
    public static CaptureParams amount(long amount) {
        return new CaptureParams(amount);
    }

    public Long getAmount() {
        return amount;
    }
}
