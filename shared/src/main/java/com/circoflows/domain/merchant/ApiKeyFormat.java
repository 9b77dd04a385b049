package com.circoflows.domain.merchant;

import com.circoflows.domain.ids.RandomIds;
import java.util.Optional;

/**
 * Key layout: {@code cf_<mode>_<lookup id><secret>}. The lookup id (16 base62 chars) finds the
 * stored record without a scan; only the secret (32 base62 chars, about 190 bits) is hashed. The
 * API names a key {@code key_<lookup id>}: the lookup id is no secret, the key is useless without
 * the secret part.
 */
public final class ApiKeyFormat {
    static final int LOOKUP_ID_LENGTH = 16;
    static final int SECRET_LENGTH = 32;
    private static final int DISPLAY_SECRET_CHARS = 4;
    private static final String PUBLIC_ID_PREFIX = "key_";

    private ApiKeyFormat() {
    }

    /** The parts of a presented key, or empty when it cannot be one of ours. */
    public static Optional<ParsedApiKey> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Mode mode;
        String rest;
        if (presented.startsWith("cf_test_")) {
            mode = Mode.TEST;
            rest = presented.substring("cf_test_".length());
        } else if (presented.startsWith("cf_live_")) {
            mode = Mode.LIVE;
            rest = presented.substring("cf_live_".length());
        } else {
            return Optional.empty();
        }
        if (rest.length() != LOOKUP_ID_LENGTH + SECRET_LENGTH || !RandomIds.isBase62(rest)) {
            return Optional.empty();
        }
        return Optional.of(new ParsedApiKey(
                mode, rest.substring(0, LOOKUP_ID_LENGTH), rest.substring(LOOKUP_ID_LENGTH)));
    }

    /** The id the API shows for a key, e.g. {@code key_AbCdEfGhIjKlMnOp}. */
    public static String publicId(String lookupId) {
        return PUBLIC_ID_PREFIX + lookupId;
    }

    /** The lookup id inside a public key id, or empty when the text cannot be one of ours. */
    public static Optional<String> lookupIdOf(String publicId) {
        if (publicId == null || !publicId.startsWith(PUBLIC_ID_PREFIX)) {
            return Optional.empty();
        }
        String lookupId = publicId.substring(PUBLIC_ID_PREFIX.length());
        return isLookupId(lookupId) ? Optional.of(lookupId) : Optional.empty();
    }

    /** Whether the text has the shape of a key's lookup id. */
    public static boolean isLookupId(String text) {
        return text != null && text.length() == LOOKUP_ID_LENGTH && RandomIds.isBase62(text);
    }

    static String assemble(Mode mode, String lookupId, String secret) {
        return "cf_" + mode.wireName() + "_" + lookupId + secret;
    }

    /** Enough to recognise a key in a list, far too little to use it. */
    static String displayPrefix(Mode mode, String lookupId) {
        return "cf_" + mode.wireName() + "_" + lookupId.substring(0, DISPLAY_SECRET_CHARS) + "…";
    }

    public record ParsedApiKey(Mode mode, String lookupId, String secret) {
        @Override
        public String toString() {
            return "ParsedApiKey[" + mode.wireName() + ", " + lookupId + ", secret hidden]";
        }
    }
}
