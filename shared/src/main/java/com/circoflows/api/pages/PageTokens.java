package com.circoflows.api.pages;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.keys.DerivedKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Double-submit CSRF protection: a random nonce in a SameSite=Strict cookie, and in the form an HMAC
 * binding that nonce to the page's object. A cross-site post carries no cookie and is refused.
 */
public final class PageTokens {
    public static final String COOKIE_NAME = "cf_page_nonce";

    private final byte[] key;
    private final boolean secureCookies;

    public PageTokens(byte[] key, boolean secureCookies) {
        this.key = key.clone();
        this.secureCookies = secureCookies;
    }

    public static String newNonce() {
        return RandomIds.base62(32);
    }

    public String tokenFor(String objectId, String nonce) {
        byte[] mac = DerivedKeys.Hmac.sha256(key, (objectId + "|" + nonce).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    public boolean isValid(String objectId, String nonce, String token) {
        if (nonce == null || token == null || nonce.length() != 32) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(objectId, nonce).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    public String cookieHeader(String nonce) {
        return COOKIE_NAME + "=" + nonce + "; Path=/pay; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "");
    }

    /** The nonce from a Cookie header (API Gateway v2 hands cookies over joined with "; "). */
    public static String nonceFrom(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith(COOKIE_NAME + "=")) {
                return trimmed.substring(COOKIE_NAME.length() + 1);
            }
        }
        return null;
    }
}
