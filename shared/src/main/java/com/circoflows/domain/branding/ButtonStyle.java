package com.circoflows.domain.branding;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The shape of the pay button and the other buttons on the customer pages. */
public enum ButtonStyle {
    ROUNDED, SQUARE, PILL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "rounded", "ROUNDED", " pill "; anything else is empty. */
    public static Optional<ButtonStyle> fromWireName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(style -> style.name().equals(wanted)).findFirst();
    }
}
