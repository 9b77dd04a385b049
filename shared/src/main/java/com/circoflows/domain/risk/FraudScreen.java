package com.circoflows.domain.risk;

import com.circoflows.domain.card.CardFingerprinter;
import com.circoflows.domain.ratelimit.RateLimitCounter;
import com.circoflows.observability.JsonLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fraud rules, run on every payment attempt before the gateway sees the card, with the
 * merchant's settings. Every rule runs, so the assessment names each rule that added to the score.
 */
public final class FraudScreen {
    private static final JsonLog LOG = JsonLog.get(FraudScreen.class);

    private final List<FraudRule> rules;
    private final RiskSettingsSource settings;

    FraudScreen(List<FraudRule> rules, RiskSettingsSource settings) {
        this.rules = List.copyOf(rules);
        this.settings = settings;
    }

    /** Every rule this product has, in the order the assessment lists them. */
    public static FraudScreen standard(CardFingerprinter fingerprinter, RateLimitCounter counters,
            RiskSettingsSource settings) {
        WindowedCounts counts = new WindowedCounts(counters);
        TestModeCards testCards = new TestModeCards(fingerprinter);
        return new FraudScreen(List.of(
                new BlockedCardRule(fingerprinter),
                new AmountLimitRule(testCards),
                VelocityRule.perCard(counts, testCards),
                VelocityRule.perMerchant(counts, testCards),
                new CardTestingRule(counts, testCards)), settings);
    }

    /**
     * Judges (and counts) the attempt.
     *
     * @throws com.circoflows.domain.error.RetryableFailure when the settings or counters cannot be
     *         reached: the card must then not be charged, unscreened
     */
    public RiskAssessment screen(RiskAttempt attempt) {
        RiskSettings merchantSettings = settings.settingsFor(attempt.merchantId());
        return RiskAssessment.of(rules.stream().map(rule -> rule.evaluate(attempt, merchantSettings)).toList());
    }

    /**
     * The issuer declined the attempt. Counting it is best effort: the decline is decided and must
     * still be recorded, so a counter failure is logged, not thrown; the rules then see one less.
     */
    public void issuerDeclined(RiskAttempt attempt) {
        try {
            RiskSettings merchantSettings = settings.settingsFor(attempt.merchantId());
            rules.forEach(rule -> rule.countDecline(attempt, merchantSettings));
        } catch (RuntimeException e) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("merchant_id", attempt.merchantId());
            fields.put("reason", e.getClass().getSimpleName());
            LOG.warn("risk_decline_not_counted", fields);
        }
    }
}
