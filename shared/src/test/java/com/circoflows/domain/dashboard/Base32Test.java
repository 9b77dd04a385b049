package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

    // RFC 4648 section 10, without the '=' padding.
    @ParameterizedTest
    @CsvSource({
        "'', ''",
        "f, MY",
        "fo, MZXQ",
        "foo, MZXW6",
        "foob, MZXW6YQ",
        "fooba, MZXW6YTB",
        "foobar, MZXW6YTBOI"
    })
    void encodesTheRfc4648VectorsWithoutPadding(String plain, String encoded) {
        assertEquals(encoded, Base32.encode(ascii(plain)));
    }

    @ParameterizedTest
    @CsvSource({
        "'', ''",
        "MY, f",
        "MZXQ, fo",
        "MZXW6, foo",
        "MZXW6YQ, foob",
        "MZXW6YTB, fooba",
        "MZXW6YTBOI, foobar"
    })
    void decodesTheRfc4648Vectors(String encoded, String plain) {
        assertArrayEquals(ascii(plain), Base32.decode(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW6YTBOI======", "mzxw6ytboi", "MZXW 6YTB OI", "mzxw 6ytb oi======", " MZXW6YTBOI "})
    void decodingToleratesLowerCaseSpacesAndPadding(String typed) {
        assertArrayEquals(ascii("foobar"), Base32.decode(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW6YT0", "MZXW6YT1", "MZXW6YT8", "MZXW6YT9", "MZXW-6YTB", "MZ=XW6YTB", "MZXW6YT\u00c9", "MZXW6YT\t"})
    void decodingRefusesCharactersOutsideTheAlphabet(String text) {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"M", "MZX", "MZXW6Y", "MZXW6YTBO"})
    void decodingRefusesALengthNoWholeBytesCanHave(String text) {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode(text));
    }

    @Test
    void decodingRefusesNull() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode(null));
    }

    @Test
    void refusalDoesNotEchoTheTextWhichMayBeASecret() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> Base32.decode("SECRETXYZ1ABCDEF"));

        assertFalse(refused.getMessage().contains("SECRET"), refused.getMessage());
    }

    @Test
    void everyLengthOfRandomBytesSurvivesARoundTrip() {
        SplittableRandom random = new SplittableRandom(6238);
        for (int length = 0; length <= 70; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);

            String encoded = Base32.encode(data);

            assertArrayEquals(data, Base32.decode(encoded), "length " + length);
            assertArrayEquals(data, Base32.decode(encoded.toLowerCase(Locale.ROOT)), "lower case, length " + length);
        }
    }

    @Test
    void everyByteValueSurvivesARoundTrip() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }

        assertArrayEquals(all, Base32.decode(Base32.encode(all)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
