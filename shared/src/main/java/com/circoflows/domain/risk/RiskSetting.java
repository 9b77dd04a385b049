package com.circoflows.domain.risk;

import java.util.Arrays;
import java.util.Optional;

/**
 * The per-merchant numbers the fraud rules use, with their defaults and the bounds an operator may
 * set them within. Defaults are meant to stay out of a real shop's way and stop a script: see the
 * docs/api.md's "Fraud rules" for why each is what it is.
 */
public enum RiskSetting {
    /** Attempts with one card at one merchant (and mode) per window; one more is blocked. */
    CARD_VELOCITY_LIMIT("card_velocity_limit", 10, 1, 1_000_000),
    CARD_VELOCITY_WINDOW_MINUTES("card_velocity_window_minutes", 60, 1, 1_440),
    /** Attempts with any card at one merchant (and mode) per window; one more is blocked. */
    MERCHANT_VELOCITY_LIMIT("merchant_velocity_limit", 1_000, 1, 1_000_000),
    MERCHANT_VELOCITY_WINDOW_MINUTES("merchant_velocity_window_minutes", 10, 1, 1_440),
    /** Small declined attempts per window after which further small attempts are blocked. */
    CARD_TESTING_DECLINES("card_testing_declines", 10, 1, 1_000_000),
    CARD_TESTING_WINDOW_MINUTES("card_testing_window_minutes", 10, 1, 1_440);

    private final String wireName;
    private final long defaultValue;
    private final long minimum;
    private final long maximum;

    RiskSetting(String wireName, long defaultValue, long minimum, long maximum) {
        this.wireName = wireName;
        this.defaultValue = defaultValue;
        this.minimum = minimum;
        this.maximum = maximum;
    }

    /** The name stored on the merchant item and shown by bin/admin. */
    public String wireName() {
        return wireName;
    }

    public long defaultValue() {
        return defaultValue;
    }

    public long minimum() {
        return minimum;
    }

    public long maximum() {
        return maximum;
    }

    public static Optional<RiskSetting> fromWireName(String name) {
        return Arrays.stream(values()).filter(setting -> setting.wireName.equals(name)).findFirst();
    }
}
