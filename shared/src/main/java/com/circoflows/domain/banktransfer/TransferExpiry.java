package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a bank-transfer payment waits for its money before it fails with bank_transfer_expired: seven
 * days unless the merchant asks for between one hour and thirty days. Transfers take up to a few working
 * days, so less than an hour would expire payments that are being paid.
 */
public record TransferExpiry(Duration duration) {

    public static final Duration DEFAULT = Duration.ofDays(7);
    public static final Duration SHORTEST = Duration.ofHours(1);
    public static final Duration LONGEST = Duration.ofDays(30);

    public TransferExpiry {
        Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("A bank transfer expires after 1 hour to 30 days");
        }
    }

    public static TransferExpiry standard() {
        return new TransferExpiry(DEFAULT);
    }

    /**
     * The merchant's override.
     *
     * @param param the request field it came from, named in the 400
     * @throws ApiException {@code invalid_request} (param as given) when it is under an hour or over 30 days
     */
    public static TransferExpiry overriddenTo(Duration requested, String param) {
        Objects.requireNonNull(requested, "requested");
        if (requested.compareTo(SHORTEST) < 0 || requested.compareTo(LONGEST) > 0) {
            throw ApiException.invalidParam(param, "A bank transfer's expiry must be between 1 hour and 30 days "
                    + "after the payment is created (" + SHORTEST.getSeconds() + " to " + LONGEST.getSeconds()
                    + " seconds).");
        }
        return new TransferExpiry(requested);
    }

    /** When a payment created at {@code createdAt} expires. */
    public Instant expiresAt(Instant createdAt) {
        return createdAt.plus(duration);
    }
}
