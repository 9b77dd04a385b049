package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private static final String EMAIL = "alice.merchant@example.com";
    private static final String BUSINESS = "Acme Widgets Limited";

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void twelveCharactersAreEnoughAndElevenAreNot() {
        assertEquals(Optional.empty(), refusal("tk7-mq2-vzr4"));
        assertEquals(Optional.of(PasswordRefusal.TOO_SHORT), refusal("tk7-mq2-vzr"));
        assertEquals(Optional.of(PasswordRefusal.TOO_SHORT), refusal(""));
        assertEquals(Optional.of(PasswordRefusal.TOO_SHORT), refusal(null));
    }

    @Test
    void lengthIsCountedInCharactersAsPeopleSeeThemNotInJavaChars() {
        String owl = "\uD83E\uDD89"; // one emoji, two Java chars

        assertEquals(Optional.of(PasswordRefusal.TOO_SHORT), refusal(owl.repeat(11)), "22 chars, 11 characters");
        assertEquals(Optional.empty(), refusal(owl.repeat(12)));
    }

    @Test
    void anAccentTypedAsTwoCodePointsCountsAsOneCharacter() {
        String decomposedE = "e\u0301";

        assertEquals(Optional.of(PasswordRefusal.TOO_SHORT), refusal(decomposedE.repeat(11)));
        assertEquals(Optional.empty(), refusal(decomposedE.repeat(12)));
    }

    @Test
    void moreThan256CharactersAreRefused() {
        assertEquals(Optional.empty(), refusal("ab3".repeat(85) + "x"), "256 characters");
        assertEquals(Optional.of(PasswordRefusal.TOO_LONG), refusal("ab3".repeat(85) + "xy"));
    }

    @Test
    void onlyWhitespaceIsRefused() {
        assertEquals(Optional.of(PasswordRefusal.ONLY_WHITESPACE), refusal(" ".repeat(12)));
        assertEquals(Optional.of(PasswordRefusal.ONLY_WHITESPACE), refusal(" \t\n\u00A0\u2003".repeat(3)));
    }

    @Test
    void theEmailAddressIsRefusedWhateverItsCase() {
        assertEquals(Optional.of(PasswordRefusal.SAME_AS_EMAIL), refusal(EMAIL));
        assertEquals(Optional.of(PasswordRefusal.SAME_AS_EMAIL), refusal("Alice.Merchant@EXAMPLE.com"));
        assertEquals(Optional.of(PasswordRefusal.SAME_AS_EMAIL), refusal(" " + EMAIL + " "));
    }

    @Test
    void theBusinessNameIsRefusedWhateverItsCase() {
        assertEquals(Optional.of(PasswordRefusal.SAME_AS_BUSINESS_NAME), refusal(BUSINESS));
        assertEquals(Optional.of(PasswordRefusal.SAME_AS_BUSINESS_NAME), refusal("ACME WIDGETS LIMITED"));
    }

    @Test
    void somethingMerelyContainingTheEmailOrBusinessNameIsAllowed() {
        assertEquals(Optional.empty(), refusal(EMAIL + " is not my password"));
        assertEquals(Optional.empty(), refusal("the " + BUSINESS + " vault"));
    }

    @Test
    void anUnknownEmailOrBusinessNameIsNotCompared() {
        assertEquals(Optional.empty(), policy.refusal("Acme Widgets Limited", null, null));
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertEquals(Optional.of(PasswordRefusal.TOO_COMMON), refusal("password1234"));
        assertEquals(Optional.of(PasswordRefusal.TOO_COMMON), refusal("Password1234"));
        assertEquals(Optional.of(PasswordRefusal.TOO_COMMON), refusal("123456789012"));
        assertEquals(Optional.of(PasswordRefusal.TOO_COMMON), refusal("QwertyUiopAs"));
        assertEquals(Optional.of(PasswordRefusal.TOO_COMMON), refusal("CorrectHorseBatteryStaple"));
    }

    @Test
    void aPassphraseWithSpacesAndNonAsciiLettersIsAccepted() {
        assertEquals(Optional.empty(), refusal("grüne Äpfel über dem Fluß"));
        assertEquals(Optional.empty(), refusal("кошка спит на окне"));
        assertEquals(Optional.empty(), refusal("東京の夜は長いですね本当に"));
        assertEquals(Optional.empty(), refusal("  leading and trailing spaces count too  "));
    }

    @Test
    void everyListedCommonPasswordIsLowerCaseAndLongEnoughToReachTheCheck() {
        assertTrue(CommonPasswords.all().size() >= 100, "about a hundred");
        for (String listed : CommonPasswords.all()) {
            assertEquals(PasswordPolicy.comparable(listed), listed, "compared in lower case: " + listed);
            assertTrue(listed.codePointCount(0, listed.length()) >= PasswordPolicy.MIN_LENGTH,
                    "shorter ones never get this far: " + listed);
        }
    }

    @Test
    void refusalsSayWhatToDoInWordsThePageCanShow() {
        assertTrue(PasswordRefusal.TOO_SHORT.message().contains("at least 12 characters"));
        assertTrue(PasswordRefusal.TOO_LONG.message().contains("at most 256 characters"));
        for (PasswordRefusal refusal : PasswordRefusal.values()) {
            assertTrue(refusal.message().endsWith("."), refusal.name());
        }
    }

    private Optional<PasswordRefusal> refusal(String password) {
        return policy.refusal(password, EMAIL, BUSINESS);
    }
}
