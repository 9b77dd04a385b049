package com.circoflows.api.pages;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** application/x-www-form-urlencoded, as browsers post it. */
public final class FormBody {
    private static final int MAX_LENGTH = 16 * 1024;

    private FormBody() {
    }

    public static Map<String, String> parse(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null || body.isEmpty() || body.length() > MAX_LENGTH) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // A malformed pair is ignored; required fields are then missing and the form is refused.
            }
        }
        return fields;
    }
}
