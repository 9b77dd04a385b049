package com.circoflows.domain.risk;

/**
 * What one rule made of one attempt: the points it adds to the risk score, and whether it blocks.
 * A rule at or past its limit blocks and scores {@value #BLOCKING_POINTS}; from half its limit up to
 * the limit it scores {@value #NEAR_LIMIT_MIN_POINTS} to {@value #NEAR_LIMIT_MAX_POINTS} in
 * proportion, without blocking; below half it adds nothing.
 */
record RuleResult(String rule, int points, boolean blocks) {
    static final int BLOCKING_POINTS = 100;
    static final int NEAR_LIMIT_MAX_POINTS = 40;
    /** What half the limit scores: {@link #nearLimit} is proportional. */
    static final int NEAR_LIMIT_MIN_POINTS = NEAR_LIMIT_MAX_POINTS / 2;

    static RuleResult clear(String rule) {
        return new RuleResult(rule, 0, false);
    }

    static RuleResult block(String rule) {
        return new RuleResult(rule, BLOCKING_POINTS, true);
    }

    /** {@code used} of {@code limit} (both positive, {@code used <= limit}): points once past half, never a block. */
    static RuleResult nearLimit(String rule, long used, long limit) {
        if (used * 2 < limit) {
            return clear(rule);
        }
        return new RuleResult(rule, (int) (NEAR_LIMIT_MAX_POINTS * used / limit), false);
    }

    boolean hit() {
        return points > 0;
    }
}
