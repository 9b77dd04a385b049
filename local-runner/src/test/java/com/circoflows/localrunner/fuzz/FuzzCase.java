package com.circoflows.localrunner.fuzz;

import com.circoflows.localstack.HttpRoute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One generated request, byte for byte as {@link RawHttp} sends it.
 *
 * @param kind    what the generator made, for the summary and the failure message ("truncated JSON")
 * @param route   the template route it aims at
 * @param target  the raw request-target: path and query exactly as sent
 * @param headers in order; Host, Content-Length and Connection are added unless present
 * @param body    null for none
 * @param chunked send the body with Transfer-Encoding: chunked instead of a Content-Length
 * @param poolKey the pool's API key in its Authorization header, whose rate-limit budget the answer updates; else null
 */
record FuzzCase(String kind, HttpRoute route, String target, List<Map.Entry<String, String>> headers, byte[] body,
        boolean chunked, String poolKey) {

    FuzzCase {
        headers = List.copyOf(headers);
    }

    static FuzzCase of(String kind, HttpRoute route, String target, List<Map.Entry<String, String>> headers,
            String body, String poolKey) {
        return new FuzzCase(kind, route, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                false, poolKey);
    }

    String method() {
        return route.method();
    }

    String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    FuzzCase withChunkedBody() {
        return new FuzzCase(kind, route, target, headers, body, true, poolKey);
    }

    /** The case as a failure message shows it: control characters escaped, long values cut. */
    String describe() {
        List<String> shownHeaders = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            String value = header.getKey().equalsIgnoreCase("authorization") && poolKey != null
                    ? header.getValue().replace(poolKey, "<pool key>") : header.getValue();
            shownHeaders.add(escape(header.getKey(), 80) + ": " + escape(value, 160));
        }
        return "[" + kind + "] " + route.method() + " " + escape(target, 300) + " (route " + route.path() + ")"
                + "\n  headers " + shownHeaders
                + "\n  body " + (body == null ? "none" : body.length + " bytes" + (chunked ? ", chunked" : "") + ": "
                + escape(bodyText(), 600));
    }

    static String escape(String text, int limit) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder();
        int i = 0;
        for (; i < text.length() && shown.length() < limit; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c)) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return i < text.length() ? shown + "…(" + text.length() + " chars)" : shown.toString();
    }
}
