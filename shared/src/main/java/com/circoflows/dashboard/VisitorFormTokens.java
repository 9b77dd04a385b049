package com.circoflows.dashboard;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.keys.DerivedKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * CSRF tokens for the forms shown before sign-in (sign-up, sign-in, second factor): an HMAC of the
 * form's action and a random visitor value kept in an HttpOnly cookie. Another site can make a browser
 * post, but cannot read the cookie, so it cannot make the token (login CSRF: signing a victim in to the
 * attacker's account is refused too).
 */
public final class VisitorFormTokens {
    private static final Pattern VISITOR_SHAPE = Pattern.compile("^[0-9A-Za-z]{32}$");

    private final Supplier<byte[]> keySource;
    private volatile byte[] key;

    /** @param key {@link DerivedKeys#DASHBOARD_VISITOR_FORM}'s key */
    public VisitorFormTokens(byte[] key) {
        this(key::clone);
    }

    /**
     * The key read on first use: only functions serving sign-up and sign-in forms need it (and the app
     * secret it comes from); {@link DashboardApp} reads it at construction in those.
     */
    public VisitorFormTokens(Supplier<byte[]> keySource) {
        this.keySource = keySource;
    }

    void loadKey() {
        key();
    }

    private byte[] key() {
        byte[] loaded = key;
        if (loaded == null) {
            loaded = keySource.get().clone();
            key = loaded;
        }
        return loaded;
    }

    static String newVisitor() {
        return RandomIds.base62(32);
    }

    static boolean isWellFormed(String visitor) {
        return visitor != null && VISITOR_SHAPE.matcher(visitor).matches();
    }

    String tokenFor(String formAction, String visitor) {
        byte[] mac = DerivedKeys.Hmac.sha256(key(), (formAction + "|" + visitor).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    boolean matches(String formAction, String visitor, String presented) {
        if (!isWellFormed(visitor) || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(formAction, visitor).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
