package com.circoflows.domain.payment;

/** A transaction after a request changed (or looked at) it, and whether a webhook job was queued. */
public record PaymentOutcome(Transaction transaction, boolean webhookQueued) {
}
