package com.circoflows.domain.card;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a full card number inside free text (metadata, customer info, field
 * names): 13 to 19 digits, optionally grouped by single spaces or dashes, standing alone and
 * passing the Luhn check. Such text must never be stored or echoed.
 */
public final class CardNumberDetector {
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

    private CardNumberDetector() {
    }

    public static boolean containsCardNumber(String text) {
        if (text == null || text.length() < 13) {
            return false;
        }
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replace(" ", "").replace("-", "");
            if (digits.length() >= 13 && digits.length() <= 19 && Luhn.isValid(digits)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with the digits of every card number found (as {@link #containsCardNumber} finds
     * them) replaced by {@code *}, separators kept: for text we show but did not write ourselves.
     */
    public static String mask(String text) {
        if (text == null || text.length() < 13) {
            return text;
        }
        StringBuilder masked = null;
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replace(" ", "").replace("-", "");
            if (digits.length() >= 13 && digits.length() <= 19 && Luhn.isValid(digits)) {
                if (masked == null) {
                    masked = new StringBuilder(text);
                }
                for (int i = matcher.start(); i < matcher.end(); i++) {
                    if (Character.isDigit(text.charAt(i))) {
                        masked.setCharAt(i, '*');
                    }
                }
            }
        }
        return masked == null ? text : masked.toString();
    }
}
