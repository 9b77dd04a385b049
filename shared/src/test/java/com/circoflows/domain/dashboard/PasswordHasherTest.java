package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final String PASSWORD = "grüne Äpfel über dem Fluß";
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashVerifiesItsOwnPasswordOnly() {
        String stored = hasher.hash(PASSWORD);

        assertTrue(hasher.matches(PASSWORD, stored));
        assertFalse(hasher.matches("grüne Äpfel über dem Fluss", stored));
        assertFalse(hasher.matches("", stored));
    }

    @Test
    void hashesAreSaltedRecordTheirCostAndNeverContainThePassword() {
        String first = hasher.hash(PASSWORD);
        String second = hasher.hash(PASSWORD);

        assertNotEquals(first, second);
        assertTrue(first.startsWith("$2a$04$"), first);
        assertFalse(first.contains(PASSWORD));
        assertTrue(hasher.matches(PASSWORD, second));
    }

    @Test
    void passwordsDifferingOnlyAfterByte72AreDifferent() {
        String common = "0123456789".repeat(8);
        assertTrue(common.getBytes(StandardCharsets.UTF_8).length > 72);
        String stored = hasher.hash(common + "a");

        assertTrue(hasher.matches(common + "a", stored));
        assertFalse(hasher.matches(common + "b", stored));
        assertFalse(hasher.matches(common, stored));
    }

    @Test
    void passwordsDifferingOnlyAfterANulCharacterAreDifferent() {
        String stored = hasher.hash("before the nul\0after it");

        assertTrue(hasher.matches("before the nul\0after it", stored));
        assertFalse(hasher.matches("before the nul\0something else", stored));
        assertFalse(hasher.matches("before the nul", stored));
    }

    @Test
    void anAccentMatchesWhetherTypedAsOneCodePointOrTwo() {
        String stored = hasher.hash("caf\u00E9 au lait tous les matins");

        assertTrue(hasher.matches("cafe\u0301 au lait tous les matins", stored));
    }

    @Test
    void needsRehashWhenStoredWithALowerCostThanConfigured() {
        String costFour = hasher.hash(PASSWORD);
        PasswordHasher costFive = new PasswordHasher(5);

        assertTrue(costFive.needsRehash(costFour));
        assertFalse(costFive.needsRehash(costFive.hash(PASSWORD)));
        assertFalse(hasher.needsRehash(costFive.hash(PASSWORD)), "a higher cost is kept");
        assertTrue(costFive.matches(PASSWORD, costFour), "the old hash still signs in until it is replaced");
    }

    @Test
    void damagedOrMissingHashesMatchNothingAndNeedReplacing() {
        assertFalse(hasher.matches(PASSWORD, "not a bcrypt hash"));
        assertFalse(hasher.matches(PASSWORD, ""));
        assertFalse(hasher.matches(PASSWORD, null));
        assertFalse(hasher.matches(null, hasher.hash(PASSWORD)));
        assertFalse(hasher.matches(PASSWORD, hasher.hash(PASSWORD).substring(0, 40)));
        assertTrue(hasher.needsRehash("not a bcrypt hash"));
        assertTrue(hasher.needsRehash(null));
    }

    @Test
    void dummyVerifyChecksAHashOfTheConfiguredCostThatNothingMatches() {
        String dummy = hasher.dummyHash();

        assertTrue(dummy.startsWith("$2a$04$"), dummy);
        assertFalse(hasher.needsRehash(dummy), "same cost, so the same time as a real check");
        assertFalse(hasher.matches(PASSWORD, dummy));
        assertFalse(hasher.matches("", dummy));
        assertDoesNotThrow(() -> hasher.dummyVerify(PASSWORD));
        assertDoesNotThrow(() -> hasher.dummyVerify(null));
        assertEquals(dummy.length(), hasher.hash(PASSWORD).length(), "a well-formed bcrypt hash");
    }

    @Test
    void productionCostIsTwelve() {
        assertEquals(12, PasswordHasher.PRODUCTION_COST);
    }

    @Test
    void aCostOutsideBcryptsRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(3));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(32));
    }
}
