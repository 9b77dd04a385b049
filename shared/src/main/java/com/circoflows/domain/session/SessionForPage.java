package com.circoflows.domain.session;

/** A session with what the customer-facing page shows beside it. */
public record SessionForPage(PaymentSession session, String merchantName) {
}
