package com.circoflows.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BcryptSecretHasherTest {
    private static final String SECRET = "s3cretS3cretS3cretS3cretS3cret00";
    private final BcryptSecretHasher hasher = new BcryptSecretHasher(4);

    @Test
    void hashVerifiesItsOwnSecretOnly() {
        String hash = hasher.hash(SECRET);

        assertTrue(hasher.matches(SECRET, hash));
        assertFalse(hasher.matches("s3cretS3cretS3cretS3cretS3cret01", hash));
        assertFalse(hasher.matches("", hash));
    }

    @Test
    void hashesAreSaltedAndNeverContainTheSecret() {
        String first = hasher.hash(SECRET);
        String second = hasher.hash(SECRET);

        assertNotEquals(first, second);
        assertFalse(first.contains(SECRET));
        assertTrue(hasher.matches(SECRET, second));
    }

    @Test
    void hashRecordsItsCostSoHashesOfAnyCostStillVerify() {
        assertTrue(hasher.hash(SECRET).startsWith("$2a$04$"));
        String otherCost = new BcryptSecretHasher(5).hash(SECRET);

        assertTrue(otherCost.startsWith("$2a$05$"));
        assertTrue(hasher.matches(SECRET, otherCost), "verification reads the cost from the hash");
    }

    @Test
    void recognisesBcryptHashesOnly() {
        assertTrue(hasher.recognises(hasher.hash(SECRET)));
        assertTrue(hasher.recognises("$2b$10$" + "x".repeat(53)));
        assertTrue(hasher.recognises("$2y$10$" + "x".repeat(53)));
        assertFalse(hasher.recognises(new Sha256SecretHasher().hash(SECRET)));
        assertFalse(hasher.recognises("$1$abc"));
        assertFalse(hasher.recognises(""));
        assertFalse(hasher.recognises(null));
    }

    @Test
    void productionCostIsAtLeastTen() {
        assertTrue(BcryptSecretHasher.PRODUCTION_COST >= 10);
    }
}
