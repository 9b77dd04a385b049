package com.circoflows.domain.risk;

import java.util.function.Function;

/**
 * Attempts per window, counted before the gateway (blocked attempts too, so a script that keeps
 * trying stays blocked until the window ends). Two rules share this shape:
 * <ul>
 *   <li>{@value #CARD}: one card (by fingerprint) at one merchant, never across merchants;</li>
 *   <li>{@value #MERCHANT}: every attempt at one merchant.</li>
 * </ul>
 * Both count per mode, so test traffic never uses up live limits. In test mode the documented
 * gateway cards are neither counted nor blocked, and each rule's own test card trips it (see
 * {@link TestModeCards}).
 */
final class VelocityRule implements FraudRule {
    static final String CARD = "card_velocity";
    static final String MERCHANT = "merchant_velocity";

    private final String name;
    private final Function<RiskAttempt, String> subject;
    private final RiskSetting limit;
    private final RiskSetting window;
    private final WindowedCounts counts;
    private final TestModeCards testCards;

    private VelocityRule(String name, Function<RiskAttempt, String> subject, RiskSetting limit, RiskSetting window,
            WindowedCounts counts, TestModeCards testCards) {
        this.name = name;
        this.subject = subject;
        this.limit = limit;
        this.window = window;
        this.counts = counts;
        this.testCards = testCards;
    }

    static VelocityRule perCard(WindowedCounts counts, TestModeCards testCards) {
        return new VelocityRule(CARD, attempt -> "card#" + attempt.merchantScope() + "#" + attempt.cardFingerprint(),
                RiskSetting.CARD_VELOCITY_LIMIT, RiskSetting.CARD_VELOCITY_WINDOW_MINUTES, counts, testCards);
    }

    static VelocityRule perMerchant(WindowedCounts counts, TestModeCards testCards) {
        return new VelocityRule(MERCHANT, attempt -> "merchant#" + attempt.merchantScope(),
                RiskSetting.MERCHANT_VELOCITY_LIMIT, RiskSetting.MERCHANT_VELOCITY_WINDOW_MINUTES, counts, testCards);
    }

    @Override
    public RuleResult evaluate(RiskAttempt attempt, RiskSettings settings) {
        if (testCards.trips(name, attempt)) {
            return RuleResult.block(name);
        }
        if (testCards.exempt(attempt)) {
            return RuleResult.clear(name);
        }
        long attempts = counts.add(subject.apply(attempt), attempt.at(), settings.window(window));
        long allowed = settings.value(limit);
        return attempts > allowed ? RuleResult.block(name) : RuleResult.nearLimit(name, attempts, allowed);
    }
}
