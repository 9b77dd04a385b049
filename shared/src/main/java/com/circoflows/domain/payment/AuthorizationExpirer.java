package com.circoflows.domain.payment;

import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Cancels authorisations not captured within their window (7 days, as card networks hold them), so
 * the cardholder's money is released and the merchant gets payment.canceled. One payment's trouble
 * never stops the others.
 */
public final class AuthorizationExpirer {
    public static final Duration CAPTURE_WINDOW = Duration.ofDays(7);
    private static final JsonLog LOG = JsonLog.get(AuthorizationExpirer.class);

    private final TransactionRepository transactions;
    private final AuthorizationService authorizations;
    private final Clock clock;
    private final Duration window;

    public AuthorizationExpirer(TransactionRepository transactions, AuthorizationService authorizations, Clock clock,
            Duration window) {
        this.transactions = transactions;
        this.authorizations = authorizations;
        this.clock = clock;
        this.window = window;
    }

    /** Returns how many authorisations this run canceled. */
    public int cancelExpired(int limit) {
        int canceled = 0;
        for (Transaction expired : transactions.authorizedCreatedBefore(clock.instant().minus(window), limit)) {
            try {
                if (authorizations.expire(expired)) {
                    canceled++;
                    LOG.info("authorization_expired", Map.of("transaction_id", expired.transactionId()));
                }
            } catch (RuntimeException e) {
                LOG.warn("authorization_expiry_failed", Map.of("transaction_id", expired.transactionId(),
                        "reason", e.getClass().getSimpleName()));
            }
        }
        return canceled;
    }
}
