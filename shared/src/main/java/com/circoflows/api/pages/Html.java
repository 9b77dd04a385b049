package com.circoflows.api.pages;

import com.circoflows.api.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Escaping and the security headers every customer-facing page carries. */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param formActionOrigins where forms on the page may submit or be redirected to, beyond 'self'
     */
    public static ApiResponse page(int status, String html, String styleNonce, String formActionOrigins) {
        return page(status, html, styleNonce, null, formActionOrigins);
    }

    /**
     * A page that also runs its own script: only a {@code <script nonce="scriptNonce">} executes (no
     * 'unsafe-inline', no inline handlers, no script from anywhere else).
     *
     * @param scriptNonce the nonce on the page's script tags, or null for a page without script
     */
    public static ApiResponse page(int status, String html, String styleNonce, String scriptNonce,
            String formActionOrigins) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "text/html; charset=utf-8");
        headers.put("cache-control", "no-store");
        headers.put("content-security-policy", "default-src 'none'; "
                + (scriptNonce == null ? "" : "script-src 'nonce-" + scriptNonce + "'; ")
                + "style-src 'nonce-" + styleNonce + "'; "
                + "img-src 'self' data:; form-action 'self'" + (formActionOrigins.isEmpty() ? "" : " " + formActionOrigins)
                + "; frame-ancestors 'none'; base-uri 'none'");
        headers.put("x-frame-options", "DENY");
        headers.put("x-content-type-options", "nosniff");
        headers.put("referrer-policy", "no-referrer");
        return new ApiResponse(status, headers, html);
    }

    public static ApiResponse redirect(String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("location", location);
        headers.put("cache-control", "no-store");
        headers.put("referrer-policy", "no-referrer");
        return new ApiResponse(303, headers, "");
    }
}
