package com.circoflows.domain.idempotency;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** The rules for Idempotency-Key values and how records are keyed and fingerprinted. */
public final class IdempotencyKeys {
    public static final int MAX_LENGTH = 255;
    /** How long a key's result is kept, as on Stripe. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /**
     * How long a first request holds its key: the function timeout (Globals.Function.Timeout in
     * template.yaml; a contract test keeps the two equal). After it, the invocation is dead for sure,
     * so a retry may take the key over.
     */
    public static final Duration LOCK = Duration.ofSeconds(15);

    /** The random part of every object id (txn_ and 24 base62 characters). */
    private static final int RESERVED_ID_LENGTH = 24;

    private IdempotencyKeys() {
    }

    /** A new random part for the id of the object a request creates; see {@link IdempotencyStore#claim}. */
    public static String newReservedId() {
        return RandomIds.base62(RESERVED_ID_LENGTH);
    }

    /** 1 to 255 printable ASCII characters (space to tilde). */
    public static boolean isValid(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** Keys are scoped per merchant and mode; the stored key reveals neither. */
    public static String recordKey(String merchantId, Mode mode, String key) {
        return sha256(merchantId + "\n" + mode.name() + "\n" + key);
    }

    /** What makes two requests "the same": method, path and the raw body. */
    public static String fingerprint(String method, String path, String body) {
        return sha256(method + "\n" + path + "\n" + (body == null ? "" : body));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
