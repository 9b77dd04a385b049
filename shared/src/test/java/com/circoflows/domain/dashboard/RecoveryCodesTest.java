package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {
    private static final String SHOWN_FORM = "[23456789abcdefghjkmnpqrstuvwxyz]{5}-[23456789abcdefghjkmnpqrstuvwxyz]{5}";

    private final IssuedRecoveryCodes issued = RecoveryCodes.issue();

    @Test
    void issuesTenDistinctCodes() {
        assertEquals(10, issued.codes().size());
        assertEquals(10, new HashSet<>(issued.codes()).size());
        assertEquals(10, new HashSet<>(issued.storedHashes()).size());
    }

    @Test
    void codesAreShownAsTwoGroupsOfFiveUnambiguousCharacters() {
        for (String code : issued.codes()) {
            assertTrue(code.matches(SHOWN_FORM), code);
        }
    }

    @Test
    void alphabetHasNoLookAlikes() {
        for (char lookAlike : "01ilo".toCharArray()) {
            assertFalse(RecoveryCodes.ALPHABET.indexOf(lookAlike) >= 0, String.valueOf(lookAlike));
        }
    }

    @Test
    void storedFormIsSha256HexOfTheCodeWithoutItsDash() throws Exception {
        String code = issued.codes().get(0);
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(code.replace("-", "").getBytes(StandardCharsets.UTF_8));

        assertEquals(HexFormat.of().formatHex(digest), issued.storedHashes().get(0));
    }

    @Test
    void eachCodeFindsItsOwnStoredHash() {
        for (int i = 0; i < issued.codes().size(); i++) {
            assertEquals(i, RecoveryCodes.matchIndex(issued.codes().get(i), issued.storedHashes()));
        }
    }

    @Test
    void codeTypedInUpperCaseWithSpacesOrWithoutTheDashStillMatches() {
        String code = issued.codes().get(3);
        String compact = code.replace("-", "");

        assertEquals(3, RecoveryCodes.matchIndex(code.toUpperCase(Locale.ROOT), issued.storedHashes()));
        assertEquals(3, RecoveryCodes.matchIndex(compact, issued.storedHashes()));
        assertEquals(3, RecoveryCodes.matchIndex(" " + code.replace("-", " ") + " ", issued.storedHashes()));
        assertEquals(3, RecoveryCodes.matchIndex(compact.substring(0, 3) + " " + compact.substring(3).toUpperCase(Locale.ROOT),
                issued.storedHashes()));
    }

    @Test
    void usedCodeNoLongerMatchesOnceItsHashIsRemoved() {
        List<String> remaining = new ArrayList<>(issued.storedHashes());
        String used = issued.codes().get(4);
        remaining.remove(RecoveryCodes.matchIndex(used, remaining));

        assertEquals(-1, RecoveryCodes.matchIndex(used, remaining));
        assertEquals(4, RecoveryCodes.matchIndex(issued.codes().get(5), remaining));
    }

    @Test
    void wrongCodeMatchesNothing() {
        String wrong = "22222-22222";
        assertFalse(issued.codes().contains(wrong));

        assertEquals(-1, RecoveryCodes.matchIndex(wrong, issued.storedHashes()));
        assertEquals(-1, RecoveryCodes.matchIndex("", issued.storedHashes()));
        assertEquals(-1, RecoveryCodes.matchIndex(null, issued.storedHashes()));
        assertEquals(-1, RecoveryCodes.matchIndex(issued.codes().get(0), List.of()));
    }

    @Test
    void codeOfAnotherIssueMatchesNothing() {
        IssuedRecoveryCodes other = RecoveryCodes.issue();

        assertEquals(-1, RecoveryCodes.matchIndex(other.codes().get(0), issued.storedHashes()));
    }

    @Test
    void storedHashItselfTypedAsACodeMatchesNothing() {
        assertEquals(-1, RecoveryCodes.matchIndex(issued.storedHashes().get(0), issued.storedHashes()));
    }

    @Test
    void sameRandomSourceGivesTheSameCodes() {
        assertEquals(RecoveryCodes.issue(new SplittableRandom(7)), RecoveryCodes.issue(new SplittableRandom(7)));
    }

    @Test
    void toStringRevealsNoCode() {
        String printed = issued.toString();

        for (String code : issued.codes()) {
            assertFalse(printed.contains(code), printed);
        }
        for (String hash : issued.storedHashes()) {
            assertFalse(printed.contains(hash), printed);
        }
    }
}
