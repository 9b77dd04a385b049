package com.circoflows.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Sha256SecretHasherTest {
    private static final String SECRET = "s3cretS3cretS3cretS3cretS3cret00";
    private final Sha256SecretHasher hasher = new Sha256SecretHasher();

    @Test
    void hashVerifiesItsOwnSecretOnly() {
        String hash = hasher.hash(SECRET);

        assertTrue(hasher.matches(SECRET, hash));
        assertFalse(hasher.matches("s3cretS3cretS3cretS3cretS3cret01", hash));
        assertFalse(hasher.matches("", hash));
    }

    @Test
    void hashIsThePrefixedUnpaddedBase64urlDigestAndNeverContainsTheSecret() {
        String hash = hasher.hash(SECRET);

        assertEquals(hash, hasher.hash(SECRET), "no salt: the secret is random enough on its own");
        assertTrue(hash.matches("sha256:[A-Za-z0-9_-]{43}"), hash);
        assertFalse(hash.contains(SECRET));
    }

    @Test
    void knownDigestOfTheEmptyString() {
        assertEquals("sha256:47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU", hasher.hash(""));
    }

    @Test
    void otherFormatsAndDamagedHashesNeverMatch() {
        String bcrypt = new BcryptSecretHasher(4).hash(SECRET);

        assertFalse(hasher.recognises(bcrypt));
        assertFalse(hasher.matches(SECRET, bcrypt));
        assertFalse(hasher.matches(SECRET, "sha256:not base64!"));
        assertFalse(hasher.matches(SECRET, "sha256:"));
        assertFalse(hasher.matches(SECRET, hasher.hash(SECRET).substring(0, 20)));
        assertFalse(hasher.recognises(null));
    }
}
