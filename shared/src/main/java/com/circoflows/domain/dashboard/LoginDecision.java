package com.circoflows.domain.dashboard;

import java.time.Duration;

/** Whether a sign-in attempt may check its password now. */
public sealed interface LoginDecision permits LoginDecision.Allowed, LoginDecision.Refused {

    /**
     * The password may be checked. The attempt is already counted as a failure (so that nothing an
     * attacker does between the check and the count lets a guess go uncounted); pass this to
     * {@link LoginThrottle#succeeded} when the password was right.
     *
     * @param account            the normalised email the attempt was counted against
     * @param address            the normalised client address
     * @param addressWindowStart the address window the failure was counted in
     */
    record Allowed(String account, String address, long addressWindowStart) implements LoginDecision {
    }

    /** Not now: try again after {@code retryAfter}. The password was not checked, and nothing was counted. */
    record Refused(LoginLimit limit, Duration retryAfter) implements LoginDecision {
    }
}
