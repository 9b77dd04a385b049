package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditorReferenceTest {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    @Test
    void thePublishedExampleGetsItsCheckDigits() {
        CreditorReference reference = CreditorReference.withCheckDigits("539007547034");
        assertEquals("RF18539007547034", reference.electronic());
        assertEquals("RF18 5390 0754 7034", reference.printed());
        assertEquals("539007547034", reference.payload());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RF18 5390 0754 7034", "rf18539007547034", "RF18-5390-0754-7034", " Rf18.5390.0754.7034 "})
    void caseSpacesAndSeparatorsAreTolerated(String typed) {
        assertEquals("RF18539007547034", CreditorReference.parse(typed).electronic());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RF19539007547034", "RF18539007547043", "XX18539007547034", "RF18", "RF1", "",
        "RF0A539007547034", "RF18 5390 0754 7034 0000 0000 0000 0", "RF18€539007547034"})
    void invalidReferencesAreRefusedWithA400(String typed) {
        assertEquals("reference", assertThrows(ApiException.class, () -> CreditorReference.parse(typed)).param());
        assertFalse(CreditorReference.isValid(typed));
    }

    @Test
    void referencesForNumbersAreDigitsAfterTheCheckDigits() {
        CreditorReference reference = CreditorReference.forNumber(42);
        assertEquals("42", reference.payload());
        assertTrue(CreditorReference.isValid(reference.electronic()));
        assertThrows(IllegalArgumentException.class, () -> CreditorReference.forNumber(-1));
    }

    @Test
    void payloadsOfTwentyTwoCharactersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CreditorReference.withCheckDigits("1".repeat(22)));
        assertEquals(25, CreditorReference.withCheckDigits("1".repeat(21)).electronic().length());
    }

    @Test
    void aValidReferenceIsItsOwnOnlyCandidate() {
        assertEquals(List.of(CreditorReference.parse("RF18539007547034")),
                CreditorReference.candidatesFor("rf18 5390 0754 7034"));
    }

    @Test
    void aReferenceTypedWithoutRfIsRecovered() {
        assertEquals(List.of(CreditorReference.parse("RF18539007547034")),
                CreditorReference.candidatesFor("18 5390 0754 7034"));
    }

    @Test
    void aReferenceTypedWithoutRfAndWithASwapIsRecovered() {
        assertTrue(CreditorReference.candidatesFor("18 5390 0754 7304")
                .contains(CreditorReference.parse("RF18539007547034")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "RF00 0000", "RF18 5390 0754 7034 99"})
    void textNearNoValidReferenceHasNoCandidates(String typed) {
        assertEquals(List.of(), CreditorReference.candidatesFor(typed));
    }

    @Test
    void absentOrHugeTextHasNoCandidates() {
        assertEquals(List.of(), CreditorReference.candidatesFor(null));
        assertEquals(List.of(), CreditorReference.candidatesFor("RF".repeat(1000)));
    }

    /**
     * Property: for many random references, every swap of two different neighbouring characters is caught
     * by the check digits and recovered by candidatesFor. The swaps of B/1, M/2 and X/3 are left out: the
     * letter is read as the two digits 11, 22 or 33, so both orders spell the same number (see below).
     */
    @Test
    void everyNeighbourSwapOfRandomReferencesIsCaughtAndRecovered() {
        Random random = new Random(17);
        int swapsTried = 0;
        for (int n = 0; n < 2_000; n++) {
            CreditorReference original = CreditorReference.withCheckDigits(randomPayload(random));
            String text = original.electronic();
            for (int i = 0; i + 1 < text.length(); i++) {
                char a = text.charAt(i);
                char b = text.charAt(i + 1);
                if (a == b || spellTheSameNumber(a, b)) {
                    continue;
                }
                String typo = text.substring(0, i) + b + a + text.substring(i + 2);
                assertFalse(CreditorReference.isValid(typo), typo);
                assertTrue(CreditorReference.candidatesFor(typo).contains(original), typo + " → " + text);
                swapsTried++;
            }
        }
        assertTrue(swapsTried > 20_000, "tried " + swapsTried);
    }

    @Test
    void everyNeighbourSwapOfNumberReferencesIsCaughtAndRecovered() {
        Random random = new Random(11649);
        for (int n = 0; n < 2_000; n++) {
            CreditorReference original = CreditorReference.forNumber(random.nextLong() & Long.MAX_VALUE);
            String text = original.electronic();
            for (int i = 0; i + 1 < text.length(); i++) {
                if (text.charAt(i) != text.charAt(i + 1)) {
                    String typo = text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2);
                    assertFalse(CreditorReference.isValid(typo), typo);
                    assertTrue(CreditorReference.candidatesFor(typo).contains(original), typo);
                }
            }
        }
    }

    @Test
    void swappingBWithOneSpellsTheSameNumberSoMod97CannotSeeIt() {
        CreditorReference withB1 = CreditorReference.withCheckDigits("AB1C");
        assertTrue(CreditorReference.isValid("RF" + withB1.electronic().substring(2, 4) + "A1BC"));
    }

    @Test
    void aMistypedCharacterIsCaughtButNotGuessed() {
        String typo = "RF18539007547035";
        assertFalse(CreditorReference.isValid(typo));
        assertFalse(CreditorReference.candidatesFor(typo).contains(CreditorReference.parse("RF18539007547034")));
    }

    private static boolean spellTheSameNumber(char a, char b) {
        String pair = "" + a + b;
        return List.of("B1", "1B", "M2", "2M", "X3", "3X").contains(pair);
    }

    private static String randomPayload(Random random) {
        int length = 1 + random.nextInt(CreditorReference.LONGEST_PAYLOAD);
        StringBuilder payload = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            payload.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return payload.toString();
    }
}
