package com.circoflows.domain.risk;

import com.circoflows.domain.money.CurrencyRules;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One merchant's fraud rule settings: only what the operator changed is held (and stored), so a
 * merchant who never changed a setting follows the defaults, including any later change to them.
 *
 * @param overrides            settings that differ from {@link RiskSetting#defaultValue()}
 * @param amountLimitOverrides largest single payment per currency, in minor units, where it differs
 *                             from {@link #defaultAmountLimit(Currency)}
 */
public record RiskSettings(Map<RiskSetting, Long> overrides, Map<Currency, Long> amountLimitOverrides) {

    public static final RiskSettings DEFAULTS = new RiskSettings(Map.of(), Map.of());

    /**
     * About USD 100,000 in every currency: the currency minimums are each worth about USD 0.50, so a
     * multiple of them scales with the currency's value, which its minor-unit exponent alone does not
     * (JPY and KRW both have none, yet differ tenfold).
     */
    static final long DEFAULT_AMOUNT_LIMIT_IN_MINIMUMS = 200_000;

    public RiskSettings {
        EnumMap<RiskSetting, Long> settings = new EnumMap<>(RiskSetting.class);
        overrides.forEach((setting, value) -> settings.put(setting, requireWithinBounds(setting, value)));
        overrides = Collections.unmodifiableMap(settings);
        TreeMap<Currency, Long> limits = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        amountLimitOverrides.forEach((currency, limit) -> limits.put(currency, requireValidAmountLimit(currency, limit)));
        amountLimitOverrides = Collections.unmodifiableMap(limits);
    }

    public long value(RiskSetting setting) {
        return overrides.getOrDefault(setting, setting.defaultValue());
    }

    /** A window setting (one of the {@code *_WINDOW_MINUTES}) as a duration. */
    public Duration window(RiskSetting minutesSetting) {
        return Duration.ofMinutes(value(minutesSetting));
    }

    public long amountLimit(Currency currency) {
        return amountLimitOverrides.getOrDefault(currency, defaultAmountLimit(currency));
    }

    public static long defaultAmountLimit(Currency currency) {
        return Math.min(CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS,
                DEFAULT_AMOUNT_LIMIT_IN_MINIMUMS * CurrencyRules.minimumChargeMinorUnits(currency));
    }

    /** @throws IllegalArgumentException when the value is outside the setting's bounds */
    public RiskSettings with(RiskSetting setting, long value) {
        Map<RiskSetting, Long> changed = new EnumMap<>(RiskSetting.class);
        changed.putAll(overrides);
        changed.put(setting, value);
        return new RiskSettings(changed, amountLimitOverrides);
    }

    /** @throws IllegalArgumentException for an unsupported currency or a limit outside its minimum and the API maximum */
    public RiskSettings withAmountLimit(Currency currency, long minorUnits) {
        Map<Currency, Long> changed = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        changed.putAll(amountLimitOverrides);
        changed.put(currency, minorUnits);
        return new RiskSettings(overrides, changed);
    }

    private static long requireWithinBounds(RiskSetting setting, Long value) {
        if (value == null || value < setting.minimum() || value > setting.maximum()) {
            throw new IllegalArgumentException(setting.wireName() + " must be an integer from " + setting.minimum()
                    + " to " + setting.maximum() + ", got " + value);
        }
        return value;
    }

    private static long requireValidAmountLimit(Currency currency, Long limit) {
        if (!CurrencyRules.isSupported(currency)) {
            throw new IllegalArgumentException("unsupported currency for an amount limit: " + currency);
        }
        long minimum = CurrencyRules.minimumChargeMinorUnits(currency);
        if (limit == null || limit < minimum || limit > CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS) {
            throw new IllegalArgumentException("the " + currency + " amount limit must be from " + minimum + " to "
                    + CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS + " minor units, got " + limit);
        }
        return limit;
    }
}
