package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {
    /** RFC 6238 Appendix B seeds: the ASCII digits repeated to the hash's own length. */
    private static final TotpSecret SHA1_SEED = seed("12345678901234567890");
    private static final TotpSecret SHA256_SEED = seed("12345678901234567890123456789012");
    private static final TotpSecret SHA512_SEED =
            seed("1234567890123456789012345678901234567890123456789012345678901234");
    private static final Instant NOW = TestClocks.NOW;

    private final Totp totp = Totp.standard();
    private final long currentStep = Totp.stepAt(NOW);

    @ParameterizedTest(name = "{1} at {0}s: {2}")
    @CsvSource({
        "59, SHA1, 94287082",
        "59, SHA256, 46119246",
        "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804",
        "1111111109, SHA256, 68084774",
        "1111111109, SHA512, 25091201",
        "1111111111, SHA1, 14050471",
        "1111111111, SHA256, 67062674",
        "1111111111, SHA512, 99943326",
        "1234567890, SHA1, 89005924",
        "1234567890, SHA256, 91819424",
        "1234567890, SHA512, 93441116",
        "2000000000, SHA1, 69279037",
        "2000000000, SHA256, 90698825",
        "2000000000, SHA512, 38618901",
        "20000000000, SHA1, 65353130",
        "20000000000, SHA256, 77737706",
        "20000000000, SHA512, 47863826"
    })
    void givesTheRfc6238AppendixBCodes(long epochSecond, TotpAlgorithm algorithm, String expected) {
        Totp eightDigits = new Totp(algorithm, 8);
        Instant at = Instant.ofEpochSecond(epochSecond);

        assertEquals(expected, eightDigits.codeAt(seedFor(algorithm), at));
        assertEquals(new TotpVerification.Accepted(Totp.stepAt(at)),
                eightDigits.verify(seedFor(algorithm), expected, at, Totp.NO_STEP_USED));
    }

    @ParameterizedTest
    @CsvSource({
        "59, 0000000000000001",
        "1111111109, 00000000023523EC",
        "1111111111, 00000000023523ED",
        "1234567890, 000000000273EF07",
        "2000000000, 0000000003F940AA",
        "20000000000, 0000000027BC86AA"
    })
    void countsThirtySecondStepsSinceTheEpochAsRfc6238AppendixBShows(long epochSecond, String stepHex) {
        assertEquals(Long.parseLong(stepHex, 16), Totp.stepAt(Instant.ofEpochSecond(epochSecond)));
    }

    @ParameterizedTest(name = "counter {0}: {1}")
    @CsvSource({
        "0, 755224",
        "1, 287082",
        "2, 359152",
        "3, 969429",
        "4, 338314",
        "5, 254676",
        "6, 287922",
        "7, 162583",
        "8, 399871",
        "9, 520489"
    })
    void givesTheRfc4226AppendixDHotpCodes(long counter, String expected) {
        assertEquals(expected, totp.codeForStep(SHA1_SEED, counter));
    }

    @Test
    void codeOfTheCurrentThirtySecondsIsAcceptedAndNamesItsStep() {
        String code = totp.codeAt(SHA1_SEED, NOW);

        assertEquals(6, code.length());
        assertEquals(new TotpVerification.Accepted(currentStep), totp.verify(SHA1_SEED, code, NOW, Totp.NO_STEP_USED));
    }

    @Test
    void codeFromThePreviousThirtySecondsIsAcceptedForClockDrift() {
        String code = totp.codeAt(SHA1_SEED, NOW.minusSeconds(30));

        assertEquals(new TotpVerification.Accepted(currentStep - 1),
                totp.verify(SHA1_SEED, code, NOW, Totp.NO_STEP_USED));
    }

    @Test
    void codeFromTheNextThirtySecondsIsAcceptedForClockDrift() {
        String code = totp.codeAt(SHA1_SEED, NOW.plusSeconds(30));

        assertEquals(new TotpVerification.Accepted(currentStep + 1),
                totp.verify(SHA1_SEED, code, NOW, Totp.NO_STEP_USED));
    }

    @ParameterizedTest
    @ValueSource(longs = {-60, 60, -90, 90})
    void codeTwoStepsAwayIsRefused(long secondsAway) {
        String code = totp.codeAt(SHA1_SEED, NOW.plusSeconds(secondsAway));

        assertEquals(refused(TotpVerification.Reason.WRONG_CODE),
                totp.verify(SHA1_SEED, code, NOW, Totp.NO_STEP_USED));
    }

    @Test
    void sameCodeTwiceIsRefusedTheSecondTime() {
        String code = totp.codeAt(SHA1_SEED, NOW);
        TotpVerification first = totp.verify(SHA1_SEED, code, NOW, Totp.NO_STEP_USED);
        long storedStep = ((TotpVerification.Accepted) first).step();

        TotpVerification second = totp.verify(SHA1_SEED, code, NOW.plusSeconds(10), storedStep);

        assertEquals(refused(TotpVerification.Reason.ALREADY_USED), second);
    }

    @Test
    void olderCodeIsRefusedOnceALaterStepWasUsed() {
        String previous = totp.codeAt(SHA1_SEED, NOW.minusSeconds(30));

        assertEquals(refused(TotpVerification.Reason.ALREADY_USED),
                totp.verify(SHA1_SEED, previous, NOW, currentStep));
    }

    @Test
    void codeOfAStepLaterThanTheLastUsedOneIsAccepted() {
        String code = totp.codeAt(SHA1_SEED, NOW);

        assertEquals(new TotpVerification.Accepted(currentStep), totp.verify(SHA1_SEED, code, NOW, currentStep - 1));
    }

    @Test
    void wrongCodeIsRefused() {
        Set<String> window = Set.of(
                totp.codeAt(SHA1_SEED, NOW.minusSeconds(30)),
                totp.codeAt(SHA1_SEED, NOW),
                totp.codeAt(SHA1_SEED, NOW.plusSeconds(30)));
        String wrong = String.format("%06d", (Integer.parseInt(totp.codeAt(SHA1_SEED, NOW)) + 1) % 1_000_000);
        assertFalse(window.contains(wrong), "the test's wrong code happens to be right");

        assertEquals(refused(TotpVerification.Reason.WRONG_CODE), totp.verify(SHA1_SEED, wrong, NOW, Totp.NO_STEP_USED));
    }

    @Test
    void codeForAnotherSecretIsRefused() {
        String code = totp.codeAt(SHA256_SEED, NOW);
        assertNotEquals(code, totp.codeAt(SHA1_SEED, NOW));

        assertFalse(totp.verify(SHA1_SEED, code, NOW, Totp.NO_STEP_USED).accepted());
    }

    @Test
    void spacesInsideTheTypedCodeAreIgnored() {
        String code = totp.codeAt(SHA1_SEED, NOW);
        String typed = " " + code.substring(0, 3) + " " + code.substring(3) + " ";

        assertEquals(new TotpVerification.Accepted(currentStep), totp.verify(SHA1_SEED, typed, NOW, Totp.NO_STEP_USED));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "12345", // five digits
        "1234567", // seven digits
        "abcdef",
        "12a456",
        "-12345",
        "+12345",
        "123-456",
        "\u0661\u0662\u0663\u0664\u0665\u0666", // Arabic-Indic digits: Character.isDigit, not ASCII
        "\uff11\uff12\uff13\uff14\uff15\uff16", // fullwidth digits
        "123456\n"
    })
    void anythingButSixAsciiDigitsIsRefusedAsMalformed(String typed) {
        assertEquals(refused(TotpVerification.Reason.MALFORMED), totp.verify(SHA1_SEED, typed, NOW, Totp.NO_STEP_USED));
    }

    @Test
    void fiveDigitsOfTheRightCodeAreRefused() {
        String code = totp.codeAt(SHA1_SEED, NOW);

        assertEquals(refused(TotpVerification.Reason.MALFORMED),
                totp.verify(SHA1_SEED, code.substring(0, 5), NOW, Totp.NO_STEP_USED));
    }

    @Test
    void eightDigitCodeIsRefusedBySixDigitVerification() {
        String eight = new Totp(TotpAlgorithm.SHA1, 8).codeAt(SHA1_SEED, NOW);

        assertEquals(refused(TotpVerification.Reason.MALFORMED), totp.verify(SHA1_SEED, eight, NOW, Totp.NO_STEP_USED));
    }

    @Test
    void standardIsWhatAuthenticatorAppsShowSixDigitsOfHmacSha1() {
        assertEquals(new Totp(TotpAlgorithm.SHA1, 6).codeAt(SHA1_SEED, NOW), totp.codeAt(SHA1_SEED, NOW));
        assertEquals("287082", totp.codeAt(SHA1_SEED, Instant.ofEpochSecond(59)));
    }

    @Test
    void stepChangesOnTheThirtySecondBoundary() {
        assertEquals(0, Totp.stepAt(Instant.ofEpochSecond(29, 999_999_999)));
        assertEquals(1, Totp.stepAt(Instant.ofEpochSecond(30)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 9, 10})
    void digitsOutsideSixToEightAreRefused(int digits) {
        assertThrows(IllegalArgumentException.class, () -> new Totp(TotpAlgorithm.SHA1, digits));
    }

    private static TotpVerification refused(TotpVerification.Reason reason) {
        return new TotpVerification.Refused(reason);
    }

    private static TotpSecret seedFor(TotpAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> SHA1_SEED;
            case SHA256 -> SHA256_SEED;
            case SHA512 -> SHA512_SEED;
        };
    }

    private static TotpSecret seed(String ascii) {
        return TotpSecret.ofBytes(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
