package com.circoflows.domain.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The language the merchant asked its hosted payment page to speak: one of the page's languages, or
 * {@link #AUTO}, the customer's browser's choice (Accept-Language), falling back to English.
 */
public enum PageLocale {
    AUTO, EN, DE, FR, ES, JA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "de", "auto"; case-sensitive as the API's other enums; anything else is empty. */
    public static Optional<PageLocale> fromWireName(String text) {
        return Arrays.stream(values()).filter(locale -> locale.wireName().equals(text)).findFirst();
    }
}
