package com.circoflows.domain.refund;

/** A refund after a request made or looked at it, and whether the event it announced was queued now. */
public record RefundOutcome(Refund refund, boolean webhookQueued) {
}
