package com.circoflows.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CardBrandTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "4242424242424242, VISA",
            "5100000000000000, MASTERCARD", "5599999999999999, MASTERCARD",
            "2221000000000000, MASTERCARD", "2720999999999999, MASTERCARD",
            "3400000000000000, AMEX", "3700000000000000, AMEX",
            "6011000000000000, DISCOVER", "6440000000000000, DISCOVER", "6499999999999999, DISCOVER",
            "6500000000000000, DISCOVER",
            "3000000000000000, DINERS", "3059999999999999, DINERS", "3600000000000000, DINERS",
            "3800000000000000, DINERS", "3999999999999999, DINERS",
            "3528000000000000, JCB", "3589999999999999, JCB",
            "6200000000000000, UNIONPAY", "6299999999999999, UNIONPAY"})
    void brandIsDetectedFromTheIinRanges(String digits, CardBrand expected) {
        assertEquals(expected, CardBrand.detect(digits));
    }

    @ParameterizedTest(name = "{0} is just outside every range")
    @CsvSource({"5000000000000000", "5600000000000000", "2220999999999999", "2721000000000000",
            "3500000000000000", "3527999999999999", "3590000000000000", "3060000000000000", "3100000000000000",
            "6010999999999999", "6012000000000000", "6439999999999999", "6100000000000000", "6300000000000000",
            "1000000000000000", "9999999999999999", "0000000000000000"})
    void numbersOutsideTheKnownRangesAreUnknown(String digits) {
        assertEquals(CardBrand.UNKNOWN, CardBrand.detect(digits));
    }

    @ParameterizedTest(name = "{0} allows {1}")
    @CsvSource({
            "VISA, 13 16 19",
            "MASTERCARD, 16",
            "AMEX, 15",
            "DISCOVER, 16 17 18 19",
            "DINERS, 14 15 16 17 18 19",
            "JCB, 16 17 18 19",
            "UNIONPAY, 16 17 18 19",
            "UNKNOWN, 12 13 14 15 16 17 18 19"})
    void eachBrandAllowsExactlyItsLengths(CardBrand brand, String lengths) {
        for (int length = 1; length <= 25; length++) {
            boolean expected = Arrays.asList(lengths.split(" ")).contains(Integer.toString(length));
            assertEquals(expected, brand.allowsLength(length), brand + " length " + length);
        }
    }

    @Test
    void amexHasAFourDigitSecurityCodeAndEveryOtherBrandThree() {
        for (CardBrand brand : CardBrand.values()) {
            assertEquals(brand == CardBrand.AMEX ? 4 : 3, brand.securityCodeLength(), brand.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"VISA, visa", "MASTERCARD, mastercard", "AMEX, amex", "DISCOVER, discover", "DINERS, diners",
            "JCB, jcb", "UNIONPAY, unionpay", "UNKNOWN, unknown"})
    void wireNamesAreLowercase(CardBrand brand, String wireName) {
        assertEquals(wireName, brand.wireName());
    }

    @ParameterizedTest
    @EnumSource(CardBrand.class)
    void wireNameRoundTrips(CardBrand brand) {
        assertEquals(Optional.of(brand), CardBrand.fromWireName(brand.wireName()));
    }

    @Test
    void unknownWireNameFindsNothing() {
        assertTrue(CardBrand.fromWireName("VISA").isEmpty());
        assertTrue(CardBrand.fromWireName(null).isEmpty());
        assertFalse(CardBrand.fromWireName("maestro").isPresent());
    }
}
