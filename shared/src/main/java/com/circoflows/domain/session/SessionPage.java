package com.circoflows.domain.session;

import java.util.List;

/** One page of a merchant's hosted payment sessions, newest first; {@code nextCursor} is null on the last page. */
public record SessionPage(List<PaymentSession> sessions, String nextCursor) {
    public static SessionPage empty() {
        return new SessionPage(List.of(), null);
    }
}
