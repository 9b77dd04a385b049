package com.circoflows.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CurrencyRulesTest {

    @ParameterizedTest(name = "{0} has {1} minor digits")
    @CsvSource({"USD, 2", "EUR, 2", "GBP, 2", "JPY, 0", "KRW, 0", "KWD, 3", "BHD, 3", "JOD, 3", "OMR, 3", "TND, 3",
            "HUF, 2"})
    void minorUnitExponentFollowsIso4217(String code, int exponent) {
        assertEquals(exponent, CurrencyRules.minorUnitExponent(Currency.getInstance(code)));
    }

    @ParameterizedTest(name = "{0} minimum is {1}")
    @CsvSource({"USD, 50", "EUR, 50", "GBP, 30", "JPY, 50", "CAD, 50", "AUD, 50", "CHF, 50", "SEK, 300", "NOK, 300",
            "DKK, 250", "PLN, 200", "CZK, 1500", "HUF, 17500", "HKD, 400", "SGD, 50", "MXN, 1000", "KRW, 700",
            "KWD, 200", "BHD, 200", "AED, 200", "ZAR, 1000"})
    void minimumChargeIsTheDocumentedAmountInMinorUnits(String code, long minimum) {
        assertEquals(minimum, CurrencyRules.minimumChargeMinorUnits(Currency.getInstance(code)));
    }

    @Test
    void everySupportedCurrencyHasAMinimumWithinTheMaximum() {
        assertTrue(CurrencyRules.supportedCurrencies().size() >= 25);
        for (Currency currency : CurrencyRules.supportedCurrencies()) {
            long minimum = CurrencyRules.minimumChargeMinorUnits(currency);
            assertTrue(minimum > 0 && minimum < CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS, currency.toString());
        }
    }

    @Test
    void maximumAmountIsNinetyNineMillionMinorUnitsLessOne() {
        assertEquals(99_999_999L, CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "XAU", "XXX", "BTC", "ZWL", "", "US"})
    void lookupFindsOnlySupportedUpperCaseCodes(String code) {
        assertTrue(CurrencyRules.supportedCurrency(code).isEmpty());
    }

    @Test
    void lookupOfNullFindsNothing() {
        assertTrue(CurrencyRules.supportedCurrency(null).isEmpty());
    }

    @Test
    void askingForTheRulesOfAnUnsupportedCurrencyIsAProgrammingError() {
        Currency gold = Currency.getInstance("XAU");
        assertFalse(CurrencyRules.isSupported(gold));
        assertThrows(IllegalArgumentException.class, () -> CurrencyRules.minimumChargeMinorUnits(gold));
        assertThrows(IllegalArgumentException.class, () -> CurrencyRules.minorUnitExponent(gold));
    }
}
