package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    // Examples the banks and registries publish, one per country.
    @ParameterizedTest
    @ValueSource(strings = {
        "DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "FR14 2004 1010 0505 0001 3M02 606",
        "NL91 ABNA 0417 1643 00", "BE68 5390 0754 7034", "IT60 X054 2811 1010 0000 0123 456",
        "ES91 2100 0418 4502 0005 1332", "AT61 1904 3002 3457 3201", "CH93 0076 2011 6238 5295 7",
        "IE29 AIBK 9311 5212 3456 78", "FI21 1234 5600 0007 85", "PT50 0002 0123 1234 5678 9015 4",
        "LU28 0019 4006 4475 0000", "NO93 8601 1117 947"})
    void publishedExamplesAreAccepted(String printed) {
        Iban iban = Iban.parse(printed);
        assertEquals(printed, iban.printed());
        assertEquals(printed.replace(" ", ""), iban.electronic());
    }

    @Test
    void lowerCaseSpacesAndSeparatorsAreTolerated() {
        assertEquals("DE89370400440532013000", Iban.parse(" de89-3704.0044 0532\t0130 00 ").electronic());
    }

    @Test
    void partsAreCountryCheckDigitsAndBban() {
        Iban iban = Iban.parse("GB82WEST12345698765432");
        assertEquals("GB", iban.countryCode());
        assertEquals("82", iban.checkDigits());
        assertEquals("WEST12345698765432", iban.bban());
    }

    @ParameterizedTest
    @CsvSource({"DE,22", "FR,27", "NL,18", "GB,22", "IE,22", "ES,24", "IT,27", "BE,16", "AT,20", "LU,20",
        "FI,18", "PT,25", "CH,21", "NO,15", "MT,31", "PL,28", "SE,24", "DK,18", "GR,27", "IS,26", "SI,19",
        "HU,28", "CY,28", "EE,20", "LT,20", "LV,21", "HR,21", "BG,22", "RO,24", "CZ,24", "SK,24", "LI,21",
        "MC,27", "SM,27", "GI,23", "AD,24", "VA,22"})
    void sepaCountriesHaveTheirRegistryLength(String country, int length) {
        assertEquals(length, IbanLengths.forCountry(country).orElseThrow());
    }

    @Test
    void aMistypedDigitFailsTheCheckDigits() {
        ApiException rejected = assertThrows(ApiException.class, () -> Iban.parse("DE89 3704 0044 0532 0130 01"));
        assertEquals("iban", rejected.param());
        assertTrue(rejected.getMessage().contains("check digits"));
        assertFalse(rejected.getMessage().contains("0532"), "the typed number is not repeated");
    }

    @Test
    void swappedNeighbouringDigitsFailTheCheckDigits() {
        assertFalse(Iban.isValid("DE89 3704 0044 0523 0130 00"));
    }

    @Test
    void aWrongLengthForTheCountryIsRefusedNamingTheExpectedLength() {
        ApiException rejected = assertThrows(ApiException.class, () -> Iban.parse("DE89 3704 0044 0532 0130 0"));
        assertTrue(rejected.getMessage().contains("22"), rejected.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"US12 3456 7890 1234 5678 90", "XX89 3704 0044 0532 0130 00"})
    void countriesWithoutIbansAreRefused(String typed) {
        ApiException rejected = assertThrows(ApiException.class, () -> Iban.parse(typed));
        assertTrue(rejected.getMessage().contains("does not use IBANs"), rejected.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "DE", "1289 3704 0044 0532 0130 00", "DE8937040044053201300€", "DEAB370400440532013000"})
    void malformedTextIsRefusedWithA400(String typed) {
        assertEquals("iban", assertThrows(ApiException.class, () -> Iban.parse(typed)).param());
    }

    @Test
    void absentAndHugeInputAreRefusedWithA400() {
        assertEquals("iban", assertThrows(ApiException.class, () -> Iban.parse(null)).param());
        assertEquals("iban", assertThrows(ApiException.class, () -> Iban.parse("DE".repeat(10_000))).param());
    }

    @Test
    void checkDigitsOutsideTwoToNinetyEightAreRefusedThoughTheArithmeticHolds() {
        Iban withCheckDigits02 = java.util.stream.LongStream.range(0, 10_000)
                .mapToObj(n -> Iban.fromBban("DE", String.format("37040044%010d", n)))
                .filter(iban -> iban.checkDigits().equals("02"))
                .findFirst().orElseThrow();
        assertTrue(Iban.isValid(withCheckDigits02.electronic()));
        assertFalse(Iban.isValid("DE99" + withCheckDigits02.bban()), "99 is 02 plus 97");
    }

    @Test
    void fromBbanComputesTheCheckDigitsOfThePublishedExamples() {
        assertEquals("DE89370400440532013000", Iban.fromBban("DE", "370400440532013000").electronic());
        assertEquals("GB82WEST12345698765432", Iban.fromBban("GB", "WEST12345698765432").electronic());
        assertEquals("BE68539007547034", Iban.fromBban("BE", "539007547034").electronic());
    }

    @Test
    void fromBbanRefusesABbanOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> Iban.fromBban("DE", "37040044053201300"));
        assertThrows(IllegalArgumentException.class, () -> Iban.fromBban("US", "370400440532013000"));
    }

    @Test
    void everyCountryInTheTableGetsAnIbanThatParsesBack() {
        for (Map.Entry<String, Integer> country : IbanLengths.all().entrySet()) {
            Iban built = Iban.fromBban(country.getKey(), "1".repeat(country.getValue() - 4));
            assertEquals(built, Iban.parse(built.printed()), country.getKey());
        }
    }

    @Test
    void toStringShowsOnlyTheLastFourCharacters() {
        Iban iban = Iban.parse("DE89370400440532013000");
        assertEquals("****3000", iban.toString());
        assertFalse(iban.toString().contains("0532"));
    }

    @Test
    void ibansAreEqualWhateverTheyWereTypedLike() {
        assertEquals(Iban.parse("gb82 west 1234 5698 7654 32"), Iban.parse("GB82WEST12345698765432"));
    }
}
