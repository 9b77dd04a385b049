package com.circoflows.domain.card;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardSecurityCodeTest {

    @ParameterizedTest
    @EnumSource(value = CardBrand.class, names = "AMEX", mode = EnumSource.Mode.EXCLUDE)
    void threeDigitsForEveryBrandButAmex(CardBrand brand) {
        assertEquals("123", CardSecurityCode.parse("123", brand).revealDigits());
        assertInvalidCvv("1234", brand);
        assertInvalidCvv("12", brand);
    }

    @Test
    void fourDigitsForAmex() {
        assertEquals("1234", CardSecurityCode.parse("1234", CardBrand.AMEX).revealDigits());
        assertInvalidCvv("123", CardBrand.AMEX);
        assertInvalidCvv("12345", CardBrand.AMEX);
    }

    @Test
    void leadingZerosAreKept() {
        assertEquals("007", CardSecurityCode.parse("007", CardBrand.VISA).revealDigits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12a", "1 2", " 123", "-12", "١٢٣", "12.", "abc"})
    void nonDigitsAreInvalidCvvWithParamCvv(String input) {
        assertInvalidCvv(input, CardBrand.VISA);
    }

    @Test
    void missingCvvIsInvalidRequestWithParamCvv() {
        ApiException error = assertThrows(ApiException.class, () -> CardSecurityCode.parse(null, CardBrand.VISA));
        assertEquals(ErrorCode.INVALID_REQUEST, error.code());
        assertEquals("cvv", error.param());
    }

    @ParameterizedTest
    @CsvSource({"123, VISA", "999, MASTERCARD", "4321, AMEX"})
    void toStringRevealsNeitherTheCodeNorItsLength(String code, CardBrand brand) {
        String shown = CardSecurityCode.parse(code, brand).toString();
        assertFalse(shown.contains(code), shown);
        assertEquals("CardSecurityCode[***]", shown);
    }

    @Test
    void invalidCvvMessageDoesNotEchoTheInput() {
        ApiException error = assertThrows(ApiException.class, () -> CardSecurityCode.parse("98765", CardBrand.VISA));
        assertFalse(error.getMessage().contains("98765"));
    }

    private static void assertInvalidCvv(String input, CardBrand brand) {
        ApiException error = assertThrows(ApiException.class, () -> CardSecurityCode.parse(input, brand));
        assertAll(
                () -> assertEquals(ErrorCode.INVALID_CVV, error.code()),
                () -> assertEquals("Your card's security code is invalid.", error.getMessage()),
                () -> assertEquals("cvv", error.param()),
                () -> assertNull(error.declineCode()));
    }
}
