package com.circoflows.domain.branding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A colour as {@code #rrggbb}, stored in lower case. Nothing else is accepted (no names, no {@code #rgb},
 * no alpha): the value goes into a page's style sheet, so its shape alone keeps CSS out.
 */
public record HexColor(String value) {
    private static final Pattern SHAPE = Pattern.compile("^#[0-9a-f]{6}$");
    public static final HexColor WHITE = new HexColor("#ffffff");

    public HexColor {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a #rrggbb colour");
        }
    }

    /** {@code "#1F4FD1"} or {@code "#1f4fd1"}; anything else is empty. */
    public static Optional<HexColor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return SHAPE.matcher(lower).matches() ? Optional.of(new HexColor(lower)) : Optional.empty();
    }

    int red() {
        return Integer.parseInt(value.substring(1, 3), 16);
    }

    int green() {
        return Integer.parseInt(value.substring(3, 5), 16);
    }

    int blue() {
        return Integer.parseInt(value.substring(5, 7), 16);
    }

    @Override
    public String toString() {
        return value;
    }
}
