package com.circoflows.api.pages;

import com.circoflows.api.ApiResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Escaping and the security headers every customer-facing page carries. */
public final class Html {
    /**
     * Two years, subdomains included: once a browser has seen one page, it never again sends the
     * customer's card details (or anything else) over plain http to this host.
     */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
    private static final Pattern SAFE_ORIGIN = Pattern.compile("^https?://[0-9a-z.\\-\\[\\]:]+$");

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
        return page(status, html, styleNonce, scriptNonce, formActionOrigins, CspAdditions.NONE);
    }

    /**
     * A page with script that also loads a third party's (a wallet's), which its policy then names.
     *
     * @param additions the origins the page adds; {@link CspAdditions#NONE} gives exactly the policy above
     */
    public static ApiResponse page(int status, String html, String styleNonce, String scriptNonce,
            String formActionOrigins, CspAdditions additions) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "text/html; charset=utf-8");
        headers.put("cache-control", "no-store");
        headers.put("content-security-policy", "default-src 'none'; "
                + (scriptNonce == null ? ""
                        : "script-src 'nonce-" + scriptNonce + "'" + CspAdditions.sources(additions.scriptSrc()) + "; ")
                + "style-src 'nonce-" + styleNonce + "'; "
                + "img-src 'self' data:; "
                + CspAdditions.directive("connect-src", additions.connectSrc())
                + CspAdditions.directive("frame-src", additions.frameSrc())
                + "form-action 'self'" + (formActionOrigins.isEmpty() ? "" : " " + formActionOrigins)
                + "; frame-ancestors 'none'; base-uri 'none'");
        headers.put("x-frame-options", "DENY");
        headers.put("x-content-type-options", "nosniff");
        headers.put("referrer-policy", "no-referrer");
        return new ApiResponse(status, headers, html);
    }

    /** For a page served over HTTPS only: its redirects too, so no hop goes back to plain http. */
    public static ApiResponse withStrictTransportSecurity(ApiResponse response) {
        return response.withHeader("strict-transport-security", STRICT_TRANSPORT_SECURITY);
    }

    /**
     * A merchant URL's origin as a CSP source ("https://shop.example:8443"), scheme and host in lower
     * case; "" when it has none we would put in a policy.
     */
    public static String origin(String url) {
        if (url == null) {
            return "";
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return "";
            }
            String origin = (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
            return SAFE_ORIGIN.matcher(origin).matches() ? origin : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    public static ApiResponse redirect(String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("location", location);
        headers.put("cache-control", "no-store");
        headers.put("referrer-policy", "no-referrer");
        return new ApiResponse(303, headers, "");
    }
}
