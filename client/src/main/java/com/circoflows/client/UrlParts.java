package com.circoflows.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Encodes ids into paths and filters into query strings. */
final class UrlParts {
    private UrlParts() {
    }

    /** An id as one path segment: it can never reach another route. */
    static String segment(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an id is required");
        }
        return encode(id);
    }

    static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            query.append(query.length() == 0 ? '?' : '&')
                    .append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
        }
        return query.toString();
    }

    /** Percent-encoding as RFC 3986 wants it: URLEncoder writes a space as '+', which a path keeps literally. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
