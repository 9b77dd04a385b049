package com.circoflows.api.webhooks;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.util.regex.Pattern;

/** Path ids that can't be ours are 404s at once, without touching the database. */
final class EventIds {
    private static final Pattern SHAPE = Pattern.compile("^evt_[0-9A-Za-z]{24}$");

    private EventIds() {
    }

    static String fromPath(String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new ApiException(ErrorCode.EVENT_NOT_FOUND);
        }
        return value;
    }
}
