package com.circoflows.domain.webhook;

import com.circoflows.domain.card.CardNumberDetector;

/**
 * What of a merchant endpoint's answer goes into the delivery history: enough to tell "database is
 * down" from "thanks", and nothing more. The endpoint is not ours and may answer anything, so the
 * excerpt is one line (control, format and line-separator characters become spaces, runs of
 * whitespace one space), card numbers are masked, and it is at most {@link #MAX_CHARS} characters.
 */
public final class ResponseExcerpt {
    public static final int MAX_CHARS = 256;

    private ResponseExcerpt() {
    }

    /** The excerpt of {@code body}, or null when there is nothing to show. Applying it twice changes nothing. */
    public static String of(String body) {
        if (body == null) {
            return null;
        }
        // Mask before clipping, so a card number cut at the edge is still recognised as one; one line
        // first, so a number spread over lines is recognised too.
        String excerpt = clip(CardNumberDetector.mask(oneLine(body)));
        return excerpt.isEmpty() ? null : excerpt;
    }

    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), 4 * MAX_CHARS));
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isBlankOrInvisible(codePoint)) {
                pendingSpace = line.length() > 0;
                continue;
            }
            if (pendingSpace) {
                line.append(' ');
                pendingSpace = false;
            }
            line.appendCodePoint(codePoint);
        }
        return line.toString();
    }

    /** Whitespace, and characters that would move, hide or reorder text where the history is shown. */
    private static boolean isBlankOrInvisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static String clip(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        // Never cut a character in half: a lone surrogate is not valid text in the stored history.
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end).stripTrailing();
    }
}
