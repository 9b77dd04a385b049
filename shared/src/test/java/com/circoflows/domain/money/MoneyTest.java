package com.circoflows.domain.money;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @ValueSource(strings = {"usd", "Usd", "uSD", "USD"})
    void currencyCodeIsAcceptedInAnyCaseAndNormalisedToUpperCase(String code) {
        Money money = Money.of(1000, code);
        assertEquals("USD", money.currencyCode());
        assertEquals(Currency.getInstance("USD"), money.currency());
    }

    @ParameterizedTest
    @ValueSource(strings = {"US", "USDD", "U5D", " usd", "usd ", "", "€€€", "ÜSD"})
    void malformedCurrencyIsInvalidCurrencyWithParamCurrency(String code) {
        ApiException error = assertThrows(ApiException.class, () -> Money.of(1000, code));
        assertAll(
                () -> assertEquals(ErrorCode.INVALID_CURRENCY, error.code()),
                () -> assertEquals("currency", error.param()),
                () -> assertNull(error.declineCode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "xau", "BTC", "ZWL"})
    void wellFormedButUnsupportedCurrencyIsInvalidCurrencyNamingTheCode(String code) {
        ApiException error = assertThrows(ApiException.class, () -> Money.of(1000, code));
        assertEquals(ErrorCode.INVALID_CURRENCY, error.code());
        assertEquals("currency", error.param());
        assertEquals("Currency " + code.toUpperCase() + " is not supported.", error.getMessage());
    }

    @Test
    void missingCurrencyIsInvalidRequestWithParamCurrency() {
        ApiException error = assertThrows(ApiException.class, () -> Money.of(1000, null));
        assertEquals(ErrorCode.INVALID_REQUEST, error.code());
        assertEquals("currency", error.param());
    }

    @Test
    void amountBelowMinimumIsInvalidAmountStatingTheMinimumInMajorUnits() {
        ApiException error = assertThrows(ApiException.class, () -> Money.of(49, "USD"));
        assertEquals(ErrorCode.INVALID_AMOUNT, error.code());
        assertEquals("amount", error.param());
        assertEquals("Amount must be at least 50 (USD 0.50).", error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -1000, Long.MIN_VALUE})
    void zeroOrNegativeAmountIsInvalidAmount(long amount) {
        ApiException error = assertThrows(ApiException.class, () -> Money.of(amount, "EUR"));
        assertEquals(ErrorCode.INVALID_AMOUNT, error.code());
        assertEquals("amount", error.param());
    }

    @Test
    void exactlyTheMinimumIsAccepted() {
        assertEquals(50, Money.of(50, "USD").minorUnits());
        assertEquals(30, Money.of(30, "GBP").minorUnits());
    }

    @Test
    void exactlyTheMaximumIsAcceptedAndOneMoreIsInvalidAmount() {
        assertEquals(99_999_999L, Money.of(99_999_999L, "USD").minorUnits());
        ApiException error = assertThrows(ApiException.class, () -> Money.of(100_000_000L, "USD"));
        assertEquals(ErrorCode.INVALID_AMOUNT, error.code());
        assertEquals("amount", error.param());
        assertEquals("Amount must be at most 99999999 (USD 999999.99).", error.getMessage());
    }

    @Test
    void yenHasNoMinorUnitsAndMinimumFifty() {
        assertEquals("JPY 5000", Money.of(5000, "jpy").formatPlain());
        ApiException error = assertThrows(ApiException.class, () -> Money.of(49, "JPY"));
        assertEquals("Amount must be at least 50 (JPY 50).", error.getMessage());
    }

    @Test
    void kuwaitiDinarHasThreeDecimals() {
        Money money = Money.of(1250, "KWD");
        assertEquals("KWD 1.250", money.formatPlain());
        assertEquals(new BigDecimal("1.250"), money.toMajorUnits());
        ApiException error = assertThrows(ApiException.class, () -> Money.of(199, "KWD"));
        assertEquals("Amount must be at least 200 (KWD 0.200).", error.getMessage());
    }

    @ParameterizedTest(name = "{0} {1} formats as {2}")
    @CsvSource({
            "1000, USD, USD 10.00",
            "1050, usd, USD 10.50",
            "99999999, USD, USD 999999.99",
            "5000, JPY, JPY 5000",
            "1250, KWD, KWD 1.250",
            "1001, BHD, BHD 1.001",
            "17500, HUF, HUF 175.00",
            "700, KRW, KRW 700"})
    void formatPlainIsExactWithTheCurrencyExponent(long amount, String currency, String expected) {
        assertEquals(expected, Money.of(amount, currency).formatPlain());
    }

    @Test
    void constructorRehydratesStoredAmountsBelowTodaysMinimum() {
        Money stored = new Money(10, Currency.getInstance("USD"));
        assertEquals("USD 0.10", stored.formatPlain());
    }

    @Test
    void constructorRejectsImpossibleAmountsAndUnsupportedCurrencies() {
        Currency usd = Currency.getInstance("USD");
        assertThrows(IllegalArgumentException.class, () -> new Money(-1, usd));
        assertThrows(IllegalArgumentException.class, () -> new Money(100_000_000L, usd));
        assertThrows(IllegalArgumentException.class, () -> new Money(100, Currency.getInstance("XAU")));
        assertThrows(NullPointerException.class, () -> new Money(100, null));
    }

    @Test
    void zeroIsAStoredAmountButNeverAChargeableOne() {
        Currency usd = Currency.getInstance("USD");
        assertTrue(Money.zero(usd).isZero());
        assertThrows(ApiException.class, () -> Money.of(0, "USD"));
    }

    @Test
    void arithmeticStaysInOneCurrencyAndNeverGoesNegative() {
        Money ten = Money.of(1000, "USD");
        Money four = Money.of(400, "USD");
        assertEquals(Money.of(1400, "USD"), ten.plus(four));
        assertEquals(Money.of(600, "USD"), ten.minus(four));
        assertTrue(ten.isMoreThan(four));
        assertFalse(four.isMoreThan(four));
        assertThrows(IllegalArgumentException.class, () -> four.minus(ten));
        assertThrows(IllegalArgumentException.class, () -> ten.plus(Money.of(1000, "EUR")));
        assertThrows(IllegalArgumentException.class, () -> ten.isMoreThan(Money.of(1000, "EUR")));
    }

    @Test
    void equalAmountsInTheSameCurrencyAreEqual() {
        assertEquals(Money.of(1000, "usd"), Money.of(1000, "USD"));
    }
}
