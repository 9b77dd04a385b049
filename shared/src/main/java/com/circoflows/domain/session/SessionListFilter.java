package com.circoflows.domain.session;

import java.time.Instant;

/**
 * What GET /api/hosted-payment narrows a merchant's sessions to: a status (null: any), judged as the
 * sessions are at {@code now}, so a pending session past its expires_at counts as expired even before
 * a read has stored its expiry.
 */
public record SessionListFilter(SessionStatus status, Instant now) {
    public boolean matches(PaymentSession session) {
        return status == null || session.asOf(now).status() == status;
    }

    /** A text naming the filter, for binding a cursor to it (not {@code now}: pages are read at different times). */
    public String canonical() {
        return "sessions\u0000" + (status == null ? "null" : status.wireName());
    }
}
