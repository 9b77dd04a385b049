package com.circoflows.domain.session;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.ratelimit.ClientAddressSubject;
import com.circoflows.domain.ratelimit.FixedWindow;
import com.circoflows.domain.ratelimit.RateLimitCounter;
import com.circoflows.observability.JsonLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The payment page's declines per client address (at most {@code limit} each), across every session
 * of every merchant, in fixed
 * windows of {@link DeclineLimits#ADDRESS_WINDOW} on the shared atomic counters (per mode, so test
 * traffic never uses up live limits). A submission takes its place before the card is charged, with
 * one atomic ADD, so simultaneous submissions on many sessions from one address cannot all slip under
 * the limit together; a submission that did not end in a decline gives its place back.
 */
final class ClientAddressDeclines {
    private static final JsonLog LOG = JsonLog.get(ClientAddressDeclines.class);
    /** Buckets outlive their window a little so a late give-back never meets a recreated one. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final RateLimitCounter counter;
    private final int limit;

    ClientAddressDeclines(RateLimitCounter counter, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the declines allowed per address must be at least 1, got " + limit);
        }
        this.counter = counter;
        this.limit = limit;
    }

    /** A place for one more decline from this address, or, when it has none left, until when. */
    record Place(String bucket, boolean granted, Instant until) {
    }

    Place take(Mode mode, String clientAddress, Instant now) {
        FixedWindow window = FixedWindow.containing(now, DeclineLimits.ADDRESS_WINDOW);
        Instant end = Instant.ofEpochSecond(window.endEpochSecond());
        String bucket = "page_declines#" + mode.wireName() + "#" + ClientAddressSubject.of(clientAddress) + "#"
                + window.lengthSeconds() + "s#" + window.startEpochSecond();
        long taken = counter.incrementAndGet(bucket, end.plus(GRACE));
        return new Place(bucket, taken <= limit, end);
    }

    /**
     * The submission did not end in a decline. Best effort: the payment's outcome stands whatever
     * happens here, and a place not given back only counts one decline too many until the window ends.
     */
    void giveBack(Place place) {
        if (!place.granted()) {
            return;
        }
        try {
            counter.giveBack(place.bucket());
        } catch (RuntimeException e) {
            LOG.warn("page_decline_place_not_given_back", Map.of("reason", e.getClass().getSimpleName()));
        }
    }
}
