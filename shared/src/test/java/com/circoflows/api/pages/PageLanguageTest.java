package com.circoflows.api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every language of the customer pages says everything, with the same values, and never markup. */
class PageLanguageTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    @ParameterizedTest
    @EnumSource(PageLanguage.class)
    void everyTextHasATranslation(PageLanguage language) {
        Set<Text> missing = EnumSet.allOf(Text.class);
        missing.removeAll(language.texts().keySet());

        assertEquals(Set.of(), missing, language + " lacks these texts");
        language.texts().forEach((key, text) -> assertFalse(text.isBlank(), language + " " + key));
    }

    @ParameterizedTest
    @EnumSource(PageLanguage.class)
    void everyTranslationNamesTheSameValuesAsTheEnglish(PageLanguage language) {
        for (Text key : Text.values()) {
            assertEquals(placeholders(EnglishTexts.TEXTS.get(key)), placeholders(language.text(key)),
                    language + " " + key);
        }
    }

    @ParameterizedTest
    @EnumSource(PageLanguage.class)
    void noTranslationHoldsMarkupOrAnUnfilledBrace(PageLanguage language) {
        for (Text key : Text.values()) {
            String text = language.text(key);
            assertFalse(text.contains("<") || text.contains(">") || text.contains("&"), language + " " + key);
            assertFalse(PLACEHOLDER.matcher(text).replaceAll("").contains("{"), language + " " + key);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PageLanguage.class, names = {"DE", "FR", "ES", "JA"})
    void aTranslationIsNotTheEnglishLeftInPlace(PageLanguage language) {
        long same = EnglishTexts.TEXTS.entrySet().stream()
                .filter(entry -> entry.getValue().equals(language.text(entry.getKey())))
                // Bank identifiers and scheme names are written as the banks of every language write them.
                .filter(entry -> !Set.of(Text.SENTENCE_END, Text.ONE_MINUTE, Text.MINUTES, Text.EXPIRY_FORMAT,
                        Text.ERROR_TITLE_PREFIX, Text.IBAN, Text.BIC, Text.SCHEME_FASTER_PAYMENTS, Text.ROUTING_NUMBER)
                        .contains(entry.getKey()))
                .count();

        assertEquals(0, same, language + " has English texts");
    }

    @ParameterizedTest
    @EnumSource(value = PageLanguage.class, names = {"DE", "FR", "ES"})
    void theCustomerIsAddressedFormally(PageLanguage language) {
        Pattern familiar = switch (language) {
            case DE -> Pattern.compile("\\b(du|dich|dir|dein\\w*)\\b", Pattern.CASE_INSENSITIVE);
            case FR -> Pattern.compile("\\b(tu|toi|ton|ta|tes)\\b", Pattern.CASE_INSENSITIVE);
            default -> Pattern.compile("\\b(tú|tu|tus|te|ti)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        };
        for (Text key : Text.values()) {
            assertFalse(familiar.matcher(language.text(key)).find(), language + " " + key + ": "
                    + language.text(key));
        }
        String formal = switch (language) {
            case DE -> "Sie";
            case FR -> "Veuillez";
            default -> "Introduzca";
        };
        assertTrue(language.text(Text.ENTER_NAME).contains(formal), language.text(Text.ENTER_NAME));
        assertTrue(language.text(Text.SECURE_NOTE).matches("(?i).*\\b(Ihre|votre|su)\\b.*"),
                language.text(Text.SECURE_NOTE));
    }

    @ParameterizedTest
    @EnumSource(PageLanguage.class)
    void japaneseIsPolite(PageLanguage language) {
        if (language != PageLanguage.JA) {
            return;
        }
        for (Text key : Set.of(Text.ENTER_EMAIL, Text.ENTER_CARD_NUMBER, Text.CARD_DECLINED, Text.CLOSE_AND_RETURN)) {
            String text = language.text(key);
            assertTrue(text.contains("ください") || text.contains("ません") || text.contains("ます"), text);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
