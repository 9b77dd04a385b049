package com.circoflows.api.pages;

import com.circoflows.domain.session.PageLocale;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The languages the customer pages speak, each with all of its {@link Text}s. */
enum PageLanguage {
    EN("en", Locale.US, EnglishTexts.TEXTS),
    DE("de", Locale.GERMANY, GermanTexts.TEXTS),
    FR("fr", Locale.FRANCE, FrenchTexts.TEXTS),
    ES("es", new Locale("es", "ES"), SpanishTexts.TEXTS),
    JA("ja", Locale.JAPAN, JapaneseTexts.TEXTS);

    private final String tag;
    private final Locale defaultLocale;
    private final Map<Text, String> texts;

    PageLanguage(String tag, Locale defaultLocale, Map<Text, String> texts) {
        this.tag = tag;
        this.defaultLocale = defaultLocale;
        this.texts = texts;
    }

    /** The BCP 47 language tag, as {@code <html lang>} takes it. */
    String tag() {
        return tag;
    }

    /** How amounts and times are written when nothing more precise (a region) is known. */
    Locale defaultLocale() {
        return defaultLocale;
    }

    String text(Text key) {
        String text = texts.get(key);
        return text != null ? text : EnglishTexts.TEXTS.get(key);
    }

    Map<Text, String> texts() {
        return texts;
    }

    /** The language a session asked for; empty for AUTO. */
    static Optional<PageLanguage> of(PageLocale locale) {
        return locale == PageLocale.AUTO ? Optional.empty() : Optional.of(valueOf(locale.name()));
    }

    /** The language of a tag's primary subtag ("de-CH" is German); empty for one the pages do not speak. */
    static Optional<PageLanguage> ofTag(String languageTag) {
        String primary = languageTag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        for (PageLanguage language : values()) {
            if (language.tag.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
