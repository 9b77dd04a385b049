package com.circoflows.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RiskSettingsTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void theDefaults() {
        RiskSettings defaults = RiskSettings.DEFAULTS;
        assertEquals(10, defaults.value(RiskSetting.CARD_VELOCITY_LIMIT));
        assertEquals(Duration.ofHours(1), defaults.window(RiskSetting.CARD_VELOCITY_WINDOW_MINUTES));
        assertEquals(1_000, defaults.value(RiskSetting.MERCHANT_VELOCITY_LIMIT));
        assertEquals(Duration.ofMinutes(10), defaults.window(RiskSetting.MERCHANT_VELOCITY_WINDOW_MINUTES));
        assertEquals(10, defaults.value(RiskSetting.CARD_TESTING_DECLINES));
        assertEquals(Duration.ofMinutes(10), defaults.window(RiskSetting.CARD_TESTING_WINDOW_MINUTES));
        assertEquals(10_000_000, defaults.amountLimit(USD));
    }

    @Test
    void onlyWhatWasChangedIsHeldSoEverythingElseFollowsTheDefaults() {
        RiskSettings changed = RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 50)
                .withAmountLimit(JPY, 500_000);

        assertEquals(Map.of(RiskSetting.CARD_VELOCITY_LIMIT, 50L), changed.overrides());
        assertEquals(Map.of(JPY, 500_000L), changed.amountLimitOverrides());
        assertEquals(50, changed.value(RiskSetting.CARD_VELOCITY_LIMIT));
        assertEquals(1_000, changed.value(RiskSetting.MERCHANT_VELOCITY_LIMIT));
        assertEquals(10_000_000, changed.amountLimit(USD));
        assertEquals(500_000, changed.amountLimit(JPY));
    }

    @Test
    void changingASettingLeavesTheOriginalAlone() {
        RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 50);

        assertTrue(RiskSettings.DEFAULTS.overrides().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(RiskSetting.class)
    void everySettingAcceptsItsBoundsAndRefusesPastThem(RiskSetting setting) {
        assertEquals(setting.minimum(), RiskSettings.DEFAULTS.with(setting, setting.minimum()).value(setting));
        assertEquals(setting.maximum(), RiskSettings.DEFAULTS.with(setting, setting.maximum()).value(setting));
        IllegalArgumentException below = assertThrows(IllegalArgumentException.class,
                () -> RiskSettings.DEFAULTS.with(setting, setting.minimum() - 1));
        assertTrue(below.getMessage().startsWith(setting.wireName() + " must be an integer from"), below.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RiskSettings.DEFAULTS.with(setting, setting.maximum() + 1));
    }

    @Test
    void windowsAreAMinuteToADay() {
        assertEquals(1, RiskSetting.CARD_TESTING_WINDOW_MINUTES.minimum());
        assertEquals(1_440, RiskSetting.CARD_TESTING_WINDOW_MINUTES.maximum());
    }

    @ParameterizedTest
    @CsvSource({"USD, 49", "USD, 100000000", "JPY, 49", "KWD, 199"})
    void anAmountLimitBelowTheCurrencysMinimumOrAboveTheApiMaximumIsRefused(String currency, long limit) {
        assertThrows(IllegalArgumentException.class,
                () -> RiskSettings.DEFAULTS.withAmountLimit(Currency.getInstance(currency), limit));
    }

    @Test
    void anAmountLimitInAnUnsupportedCurrencyIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RiskSettings.DEFAULTS.withAmountLimit(Currency.getInstance("XAU"), 1_000));
    }

    @Test
    void wireNamesRoundTrip() {
        for (RiskSetting setting : RiskSetting.values()) {
            assertEquals(setting, RiskSetting.fromWireName(setting.wireName()).orElseThrow());
        }
        assertTrue(RiskSetting.fromWireName("velocity").isEmpty());
    }
}
