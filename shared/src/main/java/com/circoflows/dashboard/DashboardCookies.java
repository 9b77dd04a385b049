package com.circoflows.dashboard;

/**
 * The dashboard's two cookies, both confined to /dashboard and unreadable by script: the session (or a
 * sign-in waiting for its second factor) and, before anyone is signed in, the random value that the
 * sign-up and sign-in forms' CSRF tokens are bound to. SameSite=Lax: a link from elsewhere opens the
 * dashboard signed in, but no other site's form or script can post with the cookie.
 */
public final class DashboardCookies {
    public static final String SESSION = "cf_dashboard";
    public static final String VISITOR = "cf_dashboard_visitor";
    static final String PATH = "/dashboard";

    private final boolean secure;

    /** @param secure Secure cookies (HTTPS only), as deployed; false in local mode, which serves plain http */
    public DashboardCookies(boolean secure) {
        this.secure = secure;
    }

    /** A session cookie: it ends with the browser, and the server ends it sooner (idle or absolute timeout). */
    String session(String token) {
        return cookie(SESSION, token, null);
    }

    String clearSession() {
        return cookie(SESSION, "", 0L);
    }

    String visitor(String value) {
        return cookie(VISITOR, value, null);
    }

    private String cookie(String name, String value, Long maxAgeSeconds) {
        return name + "=" + value + "; Path=" + PATH + "; HttpOnly; SameSite=Lax"
                + (maxAgeSeconds == null ? "" : "; Max-Age=" + maxAgeSeconds)
                + (secure ? "; Secure" : "");
    }

    /** A cookie's value from a Cookie header (API Gateway v2 hands cookies over joined with "; "); null when absent. */
    static String valueOf(String cookieHeader, String name) {
        if (cookieHeader == null) {
            return null;
        }
        String found = null;
        for (String part : cookieHeader.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith(name + "=")) {
                // The first one wins, as browsers send the most specific path first.
                found = found == null ? trimmed.substring(name.length() + 1) : found;
            }
        }
        return found == null || found.isEmpty() ? null : found;
    }
}
