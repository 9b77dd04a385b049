package com.circoflows.api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.domain.session.PageLocale;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "de-DE,de;q=0.9,en;q=0.8      | de | de-DE",
        "fr-CA,fr;q=0.9               | fr | fr-CA",
        "ja                           | ja | ja",
        "es-MX                        | es | es-MX",
        "pt-BR,pt;q=0.9,de;q=0.5      | de | de-DE",
        "en;q=0.2,fr;q=0.9            | fr | fr",
        "it-IT,nl;q=0.8               | en | en-US",
        "''                           | en | en-US",
        "'*'                          | en | en-US",
        "de;q=0,ja;q=0.1              | ja | ja",
        "-;;==,                       | en | en-US",
    })
    void withoutASessionLocaleTheBrowsersBestLanguageOfOursIsSpokenElseEnglish(String acceptLanguage, String language,
            String locale) {
        Words words = Words.choose(PageLocale.AUTO, acceptLanguage.isEmpty() ? null : acceptLanguage);

        assertEquals(language, words.language().tag());
        assertEquals(Locale.forLanguageTag(locale), words.locale());
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "DE | en-US,en;q=0.9 | de | de-DE",
        "DE | de-AT          | de | de-AT",
        "JA | ''             | ja | ja-JP",
        "FR | fr-BE,fr;q=0.9 | fr | fr-BE",
        "ES | de-DE          | es | es-ES",
        "EN | de-DE          | en | en-US",
    })
    void theSessionsLocaleWinsAndTheBrowsersRegionIsKeptWhereItSpeaksIt(PageLocale session, String acceptLanguage,
            String language, String locale) {
        Words words = Words.choose(session, acceptLanguage.isEmpty() ? null : acceptLanguage);

        assertEquals(language, words.language().tag());
        assertEquals(Locale.forLanguageTag(locale), words.locale());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "en | USD | 1234   | $12.34",
        "de | EUR | 1234   | 12,34\u00a0€",
        "fr | EUR | 1234   | 12,34\u00a0€",
        "fr | EUR | 123456 | 1\u202f234,56\u00a0€",
        "es | EUR | 123456 | 1.234,56\u00a0€",
        "ja | JPY | 1234   | ￥1,234",
        "de | JPY | 1234   | 1.234\u00a0¥",
        "en | JPY | 1234   | ¥1,234",
        "ja | USD | 1234   | $12.34",
    })
    void amountsAreWrittenAsEachLanguageWritesThemWithTheCurrencysDecimals(String session, String currency,
            long minorUnits, String expected) {
        Words words = Words.choose(PageLocale.fromWireName(session).orElseThrow(), null);

        assertEquals(expected, CustomerMoney.format(minorUnits, currency, words.locale()));
    }

    @Test
    void valuesGoIntoTheTranslationAsGivenAndTheRestIsEscaped() {
        Words german = Words.choose(PageLocale.DE, null);

        assertEquals("Sie haben <strong>12,34 €</strong> an <strong>Müller &amp; Söhne</strong> bezahlt.",
                german.html(Text.YOU_PAID, Map.of("amount", Words.strong("12,34 €"),
                        "merchant", Words.strong("Müller & Söhne"))));
        assertEquals("Zurück zu A &lt;b&gt;", german.escaped(Text.RETURN_TO, "merchant", "A <b>"));
    }
}
