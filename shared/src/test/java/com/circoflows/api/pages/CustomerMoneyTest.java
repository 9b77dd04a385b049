package com.circoflows.api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerMoneyTest {

    @ParameterizedTest(name = "{1} {2} in {0} is {3}")
    @CsvSource(delimiter = '|', value = {
        "en-US | 25000    | USD | $250.00",
        "en-US | 5000     | JPY | ¥5,000",
        "ja-JP | 5000     | JPY | ￥5,000",
        "de-DE | 123456   | EUR | 1.234,56 €",
        "de    | 123456   | EUR | 1.234,56 €",
        "en-US | 123456   | EUR | €1,234.56",
        "en-GB | 1050     | GBP | £10.50",
        "en-US | 1250     | KWD | KWD 1.250",
        "de-DE | 1250     | KWD | 1,250 KWD",
        "en-US | 99999999 | USD | $999,999.99",
        "en-US | 99999999 | JPY | ¥99,999,999",
        "en-US | 50       | USD | $0.50",
        "en-US | 1        | BHD | BHD 0.001",
        "en-CA | 1000     | CAD | $10.00",
        "en-US | 1000     | CAD | CA$10.00",
        "ar-EG | 1000     | USD | US$ 10.00",
    })
    void formatsWithTheCurrencysExponentAndTheLocalesConventions(String tag, long minorUnits, String currency,
            String expected) {
        String formatted = CustomerMoney.format(minorUnits, Currency.getInstance(currency), Locale.forLanguageTag(tag));

        assertEquals(expected, formatted.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u066b', '.')
                .replace('\u200f', ' ').replaceAll(" +", " ").trim());
    }

    @Test
    void digitsAreLatinEvenWhereTheLocaleWouldUseOthers() {
        String formatted = CustomerMoney.format(123456, Currency.getInstance("EUR"), Locale.forLanguageTag("ar-EG"));

        assertEquals(true, formatted.chars().filter(Character::isDigit).allMatch(c -> c >= '0' && c <= '9'), formatted);
    }

    @Test
    void lowerCaseCurrencyCodeIsAccepted() {
        assertEquals("$10.00", CustomerMoney.format(1000, "usd", Locale.US));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "de-DE,de;q=0.9,en;q=0.8 | de-DE",
        "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5 | fr-CH",
        "en-GB | en-GB",
        "ja | ja",
        "xx-YY,de;q=0.5 | de",
        "en;q=0.1,de;q=0.9 | de",
    })
    void localeIsTheBrowsersFavouriteThatWeCanFormatFor(String acceptLanguage, String expected) {
        assertEquals(Locale.forLanguageTag(expected), CustomerMoney.localeFrom(acceptLanguage));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"*", "xx-YY", "en-US;q=abc", ";;;", "\u00e9\u00e9-\u00e9\u00e9", "-", "de-", "-DE", ",",
        "de,,en", "de;q=", "en-US;q=0.5;q=0.4", "de\u0000"})
    void missingMalformedOrUnknownFallsBackToEnUs(String acceptLanguage) {
        assertEquals(Locale.US, CustomerMoney.localeFrom(acceptLanguage));
    }

    @Test
    void absurdlyLongHeaderFallsBackToEnUs() {
        assertEquals(Locale.US, CustomerMoney.localeFrom("de-DE," + "en;q=0.1,".repeat(200)));
    }
}
