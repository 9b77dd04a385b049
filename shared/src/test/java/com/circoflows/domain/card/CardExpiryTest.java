package com.circoflows.domain.card;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardExpiryTest {

    private static final YearMonth NOVEMBER_2026 = YearMonth.of(2026, 11);

    @ParameterizedTest(name = "month \"{0}\" is {1}")
    @CsvSource({"1, 1", "01, 1", "7, 7", "07, 7", "09, 9", "10, 10", "12, 12"})
    void monthIsReadWithOrWithoutALeadingZero(String month, int expected) {
        assertEquals(expected, CardExpiry.parse(month, "2027", NOVEMBER_2026).month());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "00", "13", "99", "012", "007", "-1", "+7", "7 ", " 7", "a", "", "1.0", "٧"})
    void monthThatIsNotOneToTwelveIsInvalidRequestWithParamExpiryMonth(String month) {
        assertInvalidParam("expiry_month", () -> CardExpiry.parse(month, "2027", NOVEMBER_2026));
    }

    @ParameterizedTest(name = "year \"{0}\" is {1}")
    @CsvSource({"2027, 2027", "27, 2027", "2026, 2026", "26, 2026", "2046, 2046", "46, 2046", "2020, 2020",
            "00, 2000"})
    void yearIsReadFromFourDigitsOrTwoMeaningTwentyHundreds(String year, int expected) {
        assertEquals(expected, CardExpiry.parse("12", year, NOVEMBER_2026).year());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "202", "20270", "0027", "twenty", "", "２０２７", "27 ", "-27", "2027.0"})
    void yearThatIsNotTwoOrFourDigitsIsInvalidRequestWithParamExpiryYear(String year) {
        assertInvalidParam("expiry_year", () -> CardExpiry.parse("12", year, NOVEMBER_2026));
    }

    @Test
    void yearMoreThanTwentyYearsAheadIsInvalidRequestWithParamExpiryYear() {
        assertDoesNotThrow(() -> CardExpiry.parse("12", "2046", NOVEMBER_2026));
        assertInvalidParam("expiry_year", () -> CardExpiry.parse("1", "2047", NOVEMBER_2026));
        assertInvalidParam("expiry_year", () -> CardExpiry.parse("1", "47", NOVEMBER_2026));
        assertInvalidParam("expiry_year", () -> CardExpiry.parse("1", "9999", NOVEMBER_2026));
    }

    @Test
    void missingFieldsAreInvalidRequestNamingTheField() {
        assertInvalidParam("expiry_month", () -> CardExpiry.parse(null, "2027", NOVEMBER_2026));
        assertInvalidParam("expiry_year", () -> CardExpiry.parse("12", null, NOVEMBER_2026));
    }

    @Test
    void monthIsCheckedBeforeYear() {
        assertInvalidParam("expiry_month", () -> CardExpiry.parse("13", "x", NOVEMBER_2026));
    }

    @Test
    void cardIsValidThroughItsExpiryMonthAndExpiredTheMonthAfter() {
        CardExpiry expiry = new CardExpiry(11, 2026);
        assertFalse(expiry.isExpiredAt(YearMonth.of(2026, 10)));
        assertFalse(expiry.isExpiredAt(YearMonth.of(2026, 11)));
        assertTrue(expiry.isExpiredAt(YearMonth.of(2026, 12)));
        assertTrue(expiry.isExpiredAt(YearMonth.of(2027, 1)));
    }

    @Test
    void expiredInAnEarlierYearIsExpiredCardWithParamExpiryYear() {
        ApiException error = assertThrows(ApiException.class,
                () -> new CardExpiry(12, 2025).requireNotExpiredAt(NOVEMBER_2026));
        assertExpiredCard(error, "expiry_year");
    }

    @Test
    void expiredEarlierThisYearIsExpiredCardWithParamExpiryMonth() {
        ApiException error = assertThrows(ApiException.class,
                () -> new CardExpiry(10, 2026).requireNotExpiredAt(NOVEMBER_2026));
        assertExpiredCard(error, "expiry_month");
    }

    @Test
    void notExpiredPassesTheCheck() {
        assertDoesNotThrow(() -> new CardExpiry(11, 2026).requireNotExpiredAt(NOVEMBER_2026));
    }

    @Test
    void formattedAsPrintedOnTheCard() {
        assertEquals("07/2027", new CardExpiry(7, 2027).formatted());
        assertEquals(YearMonth.of(2027, 7), new CardExpiry(7, 2027).lastValidMonth());
    }

    @Test
    void constructorRejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new CardExpiry(0, 2027));
        assertThrows(IllegalArgumentException.class, () -> new CardExpiry(13, 2027));
        assertThrows(IllegalArgumentException.class, () -> new CardExpiry(1, 27));
    }

    private static void assertExpiredCard(ApiException error, String param) {
        assertAll(
                () -> assertEquals(ErrorCode.EXPIRED_CARD, error.code()),
                () -> assertEquals("Your card has expired.", error.getMessage()),
                () -> assertEquals(param, error.param()),
                () -> assertEquals("expired_card", error.declineCode()));
    }

    private static void assertInvalidParam(String param, Runnable parse) {
        ApiException error = assertThrows(ApiException.class, parse::run);
        assertEquals(ErrorCode.INVALID_REQUEST, error.code());
        assertEquals(param, error.param());
    }
}
