package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankIdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"DEUTDEFF", "deutdeff500", "COBA DE FF XXX", "NWBKGB2L", "BOFAUS3N"})
    void bicsOfEightOrElevenCharactersAreAccepted(String typed) {
        Bic bic = Bic.parse(typed);
        assertEquals(typed.replace(" ", "").toUpperCase(), bic.value());
    }

    @Test
    void aBicNamesItsBankAndCountryAndDefaultsToTheHeadOffice() {
        Bic bic = Bic.parse("DEUTDEFF");
        assertEquals("DEUT", bic.bankCode());
        assertEquals("DE", bic.countryCode());
        assertEquals("DEUTDEFFXXX", bic.elevenCharacters());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEUTDEF", "DEUTDEFF5", "DEUTDEFF50", "DEUTDEFF5000", "DEU1DEFF", "DEUTD3FF", ""})
    void bicsOfOtherLengthsOrWithDigitsInTheBankOrCountryAreRefused(String typed) {
        assertEquals("bic", assertThrows(ApiException.class, () -> Bic.parse(typed)).param());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-34-56", "12 34 56", "123456"})
    void sortCodesAreSixDigitsPrintedInPairs(String typed) {
        assertEquals("12-34-56", SortCode.parse(typed).printed());
        assertEquals("123456", SortCode.parse(typed).digits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-34-5", "12-34-567", "AB-CD-EF", "١٢٣٤٥٦"})
    void sortCodesOfOtherShapesAreRefused(String typed) {
        assertEquals("sort_code", assertThrows(ApiException.class, () -> SortCode.parse(typed)).param());
    }

    @Test
    void ukAccountNumbersAreEightDigitsAndShowOnlyTheLastFour() {
        UkAccountNumber number = UkAccountNumber.parse("3141 5926");
        assertEquals("31415926", number.digits());
        assertEquals("****5926", number.toString());
        assertEquals("account_number",
                assertThrows(ApiException.class, () -> UkAccountNumber.parse("3141592")).param());
        assertThrows(ApiException.class, () -> UkAccountNumber.parse("314159265"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123", "12345678901234567", "000123456789"})
    void usAccountNumbersOfFourToSeventeenDigitsAreAcceptedKeepingLeadingZeros(String typed) {
        assertEquals(typed, UsAccountNumber.parse(typed).digits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "123456789012345678", "12345X"})
    void usAccountNumbersOutsideFourToSeventeenDigitsAreRefused(String typed) {
        assertEquals("account_number", assertThrows(ApiException.class, () -> UsAccountNumber.parse(typed)).param());
    }

    @Test
    void usAccountNumbersShowOnlyTheLastFour() {
        assertEquals("****6789", UsAccountNumber.parse("000123456789").toString());
    }

    // Routing numbers of the Federal Reserve Bank of Boston, JPMorgan Chase (New York), Bank of America
    // (California and New York) and Wells Fargo (California), as the banks publish them.
    @ParameterizedTest
    @ValueSource(strings = {"011000015", "021000021", "121000358", "026009593", "121042882"})
    void publishedRoutingNumbersPassTheAbaChecksum(String digits) {
        assertEquals(digits, AbaRoutingNumber.parse(digits).digits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"021000022", "012000021", "121000385"})
    void aMistypedOrSwappedDigitFailsTheAbaChecksum(String digits) {
        ApiException rejected = assertThrows(ApiException.class, () -> AbaRoutingNumber.parse(digits));
        assertEquals("routing_number", rejected.param());
        assertFalse(rejected.getMessage().contains(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"02100002", "0210000211", "000000000", "02100002A"})
    void routingNumbersNotOfNineDigitsOrAllZerosAreRefused(String digits) {
        assertEquals("routing_number", assertThrows(ApiException.class, () -> AbaRoutingNumber.parse(digits)).param());
    }
}
