package com.circoflows.api.pages;

import com.circoflows.domain.money.CurrencyRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Amounts as the customer reads them: {@code $250.00} (en-US), {@code ¥5,000} (JPY), {@code 1.234,56 €}
 * (de-DE). The locale comes from the browser's Accept-Language; the number of decimals from the
 * currency (ISO 4217 via {@link CurrencyRules}), never from the locale; the arithmetic is exact
 * (BigDecimal, no floating point). Digits are always Latin, as every language of the pages writes them.
 */
public final class CustomerMoney {
    public static final Locale FALLBACK = Locale.US;
    private static final int MAX_HEADER_LENGTH = 512;
    /**
     * RFC 4647 language ranges with optional weights. Checked before the JDK's parser, which throws an
     * ArrayIndexOutOfBoundsException rather than IllegalArgumentException for some malformed ones ("-").
     */
    private static final String WEIGHTED_RANGE =
            "\\s*(\\*|[A-Za-z]{1,8})(-(\\*|[A-Za-z0-9]{1,8}))*\\s*(;\\s*q\\s*=\\s*[0-9.]{1,5})?\\s*";
    private static final Pattern ACCEPT_LANGUAGE = Pattern.compile(WEIGHTED_RANGE + "(," + WEIGHTED_RANGE + ")*");
    private static final List<Locale> AVAILABLE = Arrays.stream(NumberFormat.getAvailableLocales())
            .filter(locale -> !locale.getLanguage().isEmpty())
            .toList();
    private static final char NO_BREAK_SPACE = '\u00a0';

    private CustomerMoney() {
    }

    /**
     * The customer's best locale from an Accept-Language header ("de-DE,de;q=0.9,en;q=0.8"), falling
     * back to en-US when the header is absent, malformed, a wildcard or names nothing we can format for.
     */
    public static Locale localeFrom(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER_LENGTH
                || !ACCEPT_LANGUAGE.matcher(acceptLanguage).matches()) {
            return FALLBACK;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> !range.getRange().startsWith("*"))
                    .toList();
            Locale match = ranges.isEmpty() ? null : Locale.lookup(ranges, AVAILABLE);
            return match == null ? FALLBACK : match;
        } catch (IllegalArgumentException malformed) {
            return FALLBACK;
        }
    }

    /**
     * The header's language ranges, heaviest first (as RFC 4647 weighs them); none when the header is
     * absent or malformed. Wildcards are left out.
     */
    public static List<Locale.LanguageRange> languageRanges(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER_LENGTH
                || !ACCEPT_LANGUAGE.matcher(acceptLanguage).matches()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> !range.getRange().startsWith("*"))
                    .toList();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }

    /** The amount in minor units of a supported currency, formatted for the locale. */
    public static String format(long minorUnits, Currency currency, Locale locale) {
        int exponent = CurrencyRules.minorUnitExponent(currency);
        Locale latinDigits = new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build();
        DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(latinDigits);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(exponent);
        format.setMaximumFractionDigits(exponent);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        spaceOutLetterSymbols(format);
        return format.format(BigDecimal.valueOf(minorUnits).movePointLeft(exponent));
    }

    /** Same, from a currency code as stored on a session ("usd" or "USD"). */
    public static String format(long minorUnits, String currencyCode, Locale locale) {
        return format(minorUnits, Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT)), locale);
    }

    /**
     * Where the locale has no symbol for the currency, the code is used as one and some locales glue it
     * to the digits ("KWD1.250"); a no-break space keeps it readable ("KWD 1.250").
     */
    private static void spaceOutLetterSymbols(DecimalFormat format) {
        String prefix = format.getPositivePrefix();
        if (!prefix.isEmpty() && Character.isLetter(prefix.charAt(prefix.length() - 1))) {
            format.setPositivePrefix(prefix + NO_BREAK_SPACE);
        }
        String suffix = format.getPositiveSuffix();
        if (!suffix.isEmpty() && Character.isLetter(suffix.charAt(0))) {
            format.setPositiveSuffix(NO_BREAK_SPACE + suffix);
        }
    }
}
