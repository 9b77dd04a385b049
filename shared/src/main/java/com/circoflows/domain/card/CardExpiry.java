package com.circoflows.domain.card;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.time.YearMonth;
import java.util.Locale;

/** The month and year printed on a card. The card works through the last day of that month. */
public record CardExpiry(int month, int year) {

    static final String MONTH_PARAM = "expiry_month";
    static final String YEAR_PARAM = "expiry_year";
    // Issuers print at most a few years ahead; beyond this the field is almost surely a typo.
    private static final int MAXIMUM_YEARS_AHEAD = 20;

    public CardExpiry {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("Expiry month must be 1-12: " + month);
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("Expiry year must have four digits: " + year);
        }
    }

    /**
     * Reads the request fields: month "7", "07" or "12"; year "2027" or "27" (meaning 2027). Does not
     * check whether the card has expired; see {@link #requireNotExpiredAt}.
     *
     * @param currentMonth today's month, to reject years implausibly far ahead
     * @throws ApiException {@code invalid_request} with param expiry_month or expiry_year
     */
    public static CardExpiry parse(String month, String year, YearMonth currentMonth) {
        int parsedMonth = parseMonth(month);
        int parsedYear = parseYear(year);
        if (parsedYear > currentMonth.getYear() + MAXIMUM_YEARS_AHEAD) {
            throw invalidYear();
        }
        return new CardExpiry(parsedMonth, parsedYear);
    }

    public YearMonth lastValidMonth() {
        return YearMonth.of(year, month);
    }

    public boolean isExpiredAt(YearMonth now) {
        return lastValidMonth().isBefore(now);
    }

    /**
     * @throws ApiException {@code expired_card}, pointing at expiry_month when only the month is in the
     *     past, otherwise at expiry_year
     */
    public void requireNotExpiredAt(YearMonth now) {
        if (isExpiredAt(now)) {
            String param = year == now.getYear() ? MONTH_PARAM : YEAR_PARAM;
            throw new ApiException(ErrorCode.EXPIRED_CARD, "Your card has expired.", param, "expired_card");
        }
    }

    /** "11/2026", as printed on the card. */
    public String formatted() {
        return String.format(Locale.ROOT, "%02d/%d", month, year);
    }

    private static int parseMonth(String month) {
        if (month == null) {
            throw ApiException.invalidParam(MONTH_PARAM, "Missing required param: expiry_month.");
        }
        if (month.length() > 2 || !Digits.isAsciiDigits(month)) {
            throw invalidMonth();
        }
        int value = Integer.parseInt(month);
        if (value < 1 || value > 12) {
            throw invalidMonth();
        }
        return value;
    }

    private static int parseYear(String year) {
        if (year == null) {
            throw ApiException.invalidParam(YEAR_PARAM, "Missing required param: expiry_year.");
        }
        if (!Digits.isAsciiDigits(year)) {
            throw invalidYear();
        }
        if (year.length() == 2) {
            return 2000 + Integer.parseInt(year);
        }
        if (year.length() == 4 && year.charAt(0) != '0') {
            return Integer.parseInt(year);
        }
        throw invalidYear();
    }

    private static ApiException invalidMonth() {
        return ApiException.invalidParam(MONTH_PARAM, "Your card's expiration month is invalid.");
    }

    private static ApiException invalidYear() {
        return ApiException.invalidParam(YEAR_PARAM, "Your card's expiration year is invalid.");
    }
}
