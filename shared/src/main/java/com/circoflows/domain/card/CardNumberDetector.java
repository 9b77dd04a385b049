package com.circoflows.domain.card;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a full card number inside any text (a field, a field's name, a URL, a log
 * line): 13 to 19 digits that pass the Luhn check, written together or in groups split by any run of
 * separators ({@code 4242.4242.4242.4242}, {@code 4242__4242}, {@code 4242%204242}, {@code 4242+4242}).
 * Letters end a number; so does a colon, which splits the hours, minutes and seconds of a timestamp and
 * never the digits of a card. Percent-escapes count as the character they stand for, however often they
 * were escaped ({@code %252E}), and every Unicode decimal digit counts as a digit.
 *
 * <p>Within one run of groups, every stretch of whole groups holding 13 to 19 digits is checked, so a
 * card number followed by more digits ({@code 4242 4242 4242 4242 12/30}) is still found, while one
 * unbroken run of 20 or more digits is not a card number.
 *
 * <p>A UUID in its canonical 8-4-4-4-12 form is one token, never digit groups: merchants use UUIDs as
 * idempotency keys and order ids, and read across its dashes about one random UUID in 500 holds a
 * Luhn-valid stretch of 13 to 19 digits. A card number deliberately dressed as a UUID is not what this
 * guards against; card data that slips into a field by accident is.
 */
public final class CardNumberDetector {
    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    /** A percent-escape, possibly escaped again (%252E is %2E is '.'): what it stands for is its last two hex digits. */
    private static final Pattern ESCAPE = Pattern.compile("%(?:25)*[0-9A-Fa-f]{2}");
    private static final Pattern UUID = Pattern.compile(
            "(?<![0-9A-Za-z])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z])");

    private CardNumberDetector() {
    }

    public static boolean containsCardNumber(String text) {
        return text != null && text.length() >= MIN_DIGITS && !find(text, true).isEmpty();
    }

    /** {@code text} with every digit of every card number found replaced by '*' (separators are kept). */
    public static String mask(String text) {
        if (text == null || text.length() < MIN_DIGITS) {
            return text;
        }
        List<Group> found = find(text, false);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        for (Group group : found) {
            for (int[] digit : group.digitSpans) {
                masked.append(text, copied, digit[0]).append('*');
                copied = digit[1];
            }
        }
        return masked.append(text, copied, text.length()).toString();
    }

    /** The digit groups of every card number found, in text order; only the first one when {@code firstOnly}. */
    private static List<Group> find(String text, boolean firstOnly) {
        List<Group> found = new ArrayList<>();
        List<Group> run = new ArrayList<>();
        Group current = null;
        Matcher escape = ESCAPE.matcher(text);
        Matcher uuid = UUID.matcher(text);
        int nextUuid = uuid.find() ? uuid.start() : -1;
        int i = 0;
        while (i < text.length()) {
            if (i == nextUuid) {
                current = null;
                if (collect(run, found, firstOnly)) {
                    return found;
                }
                run.clear();
                i = uuid.end();
                nextUuid = uuid.find(i) ? uuid.start() : -1;
                continue;
            }
            if (nextUuid >= 0 && nextUuid < i) {
                nextUuid = uuid.find(i) ? uuid.start() : -1;
            }
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (codePoint == '%' && escape.region(i, text.length()).lookingAt()) {
                next = escape.end();
                codePoint = Integer.parseInt(text.substring(next - 2, next), 16);
            }
            if (Character.isDigit(codePoint)) {
                if (current == null) {
                    current = new Group();
                    run.add(current);
                }
                current.add(Character.digit(codePoint, 10), i, next);
            } else {
                current = null;
                if (Character.isLetter(codePoint) || codePoint == ':') {
                    if (collect(run, found, firstOnly)) {
                        return found;
                    }
                    run.clear();
                }
            }
            i = next;
        }
        collect(run, found, firstOnly);
        return found;
    }

    /**
     * Adds the card numbers among the run's stretches of whole groups (the longest one from each start);
     * true when done (one found and firstOnly).
     */
    private static boolean collect(List<Group> run, List<Group> found, boolean firstOnly) {
        int start = 0;
        while (start < run.size()) {
            int digits = 0;
            int matchedEnd = -1;
            for (int end = start; end < run.size() && digits + run.get(end).digits.length() <= MAX_DIGITS; end++) {
                digits += run.get(end).digits.length();
                if (digits >= MIN_DIGITS && Luhn.isValid(joined(run, start, end + 1).digits.toString())) {
                    matchedEnd = end + 1;
                }
            }
            if (matchedEnd < 0) {
                start++;
                continue;
            }
            found.add(joined(run, start, matchedEnd));
            if (firstOnly) {
                return true;
            }
            start = matchedEnd;
        }
        return false;
    }

    private static Group joined(List<Group> run, int from, int to) {
        Group stretch = new Group();
        for (int i = from; i < to; i++) {
            stretch.append(run.get(i));
        }
        return stretch;
    }

    /** Digits written together, with where each one stands in the text (an escaped digit takes several characters). */
    private static final class Group {
        final StringBuilder digits = new StringBuilder();
        final List<int[]> digitSpans = new ArrayList<>();

        void add(int digit, int start, int end) {
            digits.append((char) ('0' + digit));
            digitSpans.add(new int[] {start, end});
        }

        void append(Group other) {
            digits.append(other.digits);
            digitSpans.addAll(other.digitSpans);
        }
    }
}
