package com.circoflows.adapters.dynamodb;

import com.circoflows.domain.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The next_cursor of a list read from a merchant index: the last item's key values, opaque to the
 * client. A cursor only works in the scope (merchant, mode) it was made for.
 */
final class PageCursors {
    private static final String SEPARATOR = "|";

    private PageCursors() {
    }

    static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code count} parts of a cursor that begins with {@code scope}; anything else is the 400
     * every list answers a bad cursor with.
     */
    static String[] decode(String cursor, int count, String... scope) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException notBase64) {
            parts = new String[0];
        }
        boolean valid = parts.length == count;
        for (int i = 0; valid && i < scope.length; i++) {
            valid = parts[i].equals(scope[i]);
        }
        if (!valid) {
            throw invalid();
        }
        return parts;
    }

    /** What a list answers a cursor no page of it could have given, e.g. one edited by hand. */
    static ApiException invalid() {
        return ApiException.invalidParam("cursor", "The cursor is not valid; use next_cursor from a previous page.");
    }
}
