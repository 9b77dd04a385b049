package com.circoflows.domain.card;

import static com.circoflows.domain.card.CardNumbersForTests.validNumber;
import static com.circoflows.domain.card.CardNumbersForTests.withWrongCheckDigit;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberTest {

    private static final String[] TEST_CARDS = {"4242424242424242", "4000000000000002", "4000000000003220",
            "4000000000009995", "4000000000000069", "4000000000000127", "4000000000000119", "4100000000000019"};

    @ParameterizedTest(name = "{0} is a valid {1}")
    @CsvSource({
            "4242424242424242, VISA",
            "4222222222222, VISA",
            "5555555555554444, MASTERCARD",
            "2223003122003222, MASTERCARD",
            "378282246310005, AMEX",
            "371449635398431, AMEX",
            "6011111111111117, DISCOVER",
            "6011000990139424, DISCOVER",
            "3056930009020004, DINERS",
            "36227206271667, DINERS",
            "3566002020360505, JCB",
            "6200000000000005, UNIONPAY"})
    void wellKnownTestNumbersParseWithTheirBrand(String digits, CardBrand brand) {
        CardNumber number = CardNumber.parse(digits);
        assertEquals(brand, number.brand());
        assertEquals(digits, number.revealDigits());
        assertEquals(digits.substring(digits.length() - 4), number.last4());
    }

    @ParameterizedTest(name = "{0} {1} digits starting {2}")
    @CsvSource({
            "VISA, 13, 4", "VISA, 16, 4", "VISA, 19, 4",
            "MASTERCARD, 16, 51", "MASTERCARD, 16, 2720",
            "AMEX, 15, 34",
            "DISCOVER, 16, 65", "DISCOVER, 19, 6011",
            "DINERS, 14, 36", "DINERS, 19, 300",
            "JCB, 16, 3528", "JCB, 19, 3589",
            "UNIONPAY, 16, 62", "UNIONPAY, 19, 62",
            "UNKNOWN, 12, 9", "UNKNOWN, 19, 1"})
    void everyAllowedLengthOfEveryBrandIsAccepted(CardBrand brand, int length, String prefix) {
        CardNumber number = CardNumber.parse(validNumber(prefix, length));
        assertEquals(brand, number.brand());
    }

    @ParameterizedTest(name = "{1} digits starting {0} is not a valid length")
    @CsvSource({"4, 12", "4, 14", "4, 15", "4, 17", "4, 18", "51, 15", "51, 17", "2221, 19", "34, 14", "34, 16",
            "6011, 15", "36, 13", "3528, 15", "62, 15", "9, 11", "9, 20", "4, 20"})
    void lengthNotAllowedForTheBrandIsInvalidCard(String prefix, int length) {
        assertInvalidCard(validNumber(prefix, length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "378282246310005", "5555555555554444", "6011111111111117"})
    void luhnFailureIsInvalidCardWithParamCardNumber(String valid) {
        assertInvalidCard(withWrongCheckDigit(valid));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242 4242 4242 4242", "4242-4242-4242-4242", " 4242424242424242 ", "4242 - 4242 4242-4242"})
    void spacesAndDashesBetweenGroupsAreIgnored(String typed) {
        assertEquals("4242424242424242", CardNumber.parse(typed).revealDigits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "4242424242424a42", "4242.4242.4242.4242", "4242/4242/4242/4242",
            "+4242424242424242", "424242424242424２", "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢", "4242\t4242424242424242",
            "4242424242424242424242424242424242424242424242"})
    void anythingButDigitsSpacesAndDashesIsInvalidCard(String typed) {
        assertInvalidCard(typed);
    }

    @Test
    void missingNumberIsInvalidRequestWithParamCardNumber() {
        ApiException error = assertThrows(ApiException.class, () -> CardNumber.parse(null));
        assertEquals(ErrorCode.INVALID_REQUEST, error.code());
        assertEquals("card_number", error.param());
    }

    @Test
    void toStringShowsBrandAndLastFourOnly() {
        assertEquals("CardNumber[visa ****4242]", CardNumber.parse("4242424242424242").toString());
        assertEquals("CardNumber[amex ****0005]", CardNumber.parse("378282246310005").toString());
        assertEquals("****4444", CardNumber.parse("5555555555554444").masked());
    }

    @Test
    void toStringNeverContainsThePanForAnyTestCard() {
        for (String pan : TEST_CARDS) {
            String shown = CardNumber.parse(pan).toString();
            assertFalse(shown.contains(pan), shown);
            assertFalse(shown.contains(pan.substring(0, 6)), "must not show the IIN either: " + shown);
        }
    }

    @Test
    void invalidCardMessageNeverEchoesTheInput() {
        for (String pan : TEST_CARDS) {
            String wrong = withWrongCheckDigit(pan);
            ApiException error = assertThrows(ApiException.class, () -> CardNumber.parse(wrong));
            assertFalse(error.getMessage().contains(wrong.substring(wrong.length() - 4)), error.getMessage());
        }
    }

    @Test
    void numbersAreEqualWhenTheirDigitsAre() {
        assertEquals(CardNumber.parse("4242 4242 4242 4242"), CardNumber.parse("4242424242424242"));
        assertEquals(CardNumber.parse("4242 4242 4242 4242").hashCode(), CardNumber.parse("4242424242424242").hashCode());
        assertNotEquals(CardNumber.parse("4242424242424242"), CardNumber.parse("4000000000000002"));
    }

    private static void assertInvalidCard(String typed) {
        ApiException error = assertThrows(ApiException.class, () -> CardNumber.parse(typed));
        assertAll(
                () -> assertEquals(ErrorCode.INVALID_CARD, error.code()),
                () -> assertEquals("Your card number is invalid.", error.getMessage()),
                () -> assertEquals("card_number", error.param()),
                () -> assertNull(error.declineCode()));
    }
}
