package com.circoflows.domain.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DerivedKeysTest {
    private static final String SECRET = "app-secret-0123456789-0123456789-abc";

    @Test
    void samePurposeAlwaysGetsTheSameKey() {
        assertArrayEquals(new DerivedKeys(SECRET).keyFor(DerivedKeys.PAGE_TOKEN),
                new DerivedKeys(SECRET).keyFor(DerivedKeys.PAGE_TOKEN));
    }

    @Test
    void eachPurposeGetsAnIndependentKey() {
        DerivedKeys keys = new DerivedKeys(SECRET);

        assertFalse(Arrays.equals(keys.keyFor(DerivedKeys.PAGE_TOKEN), keys.keyFor(DerivedKeys.CARD_FINGERPRINT)));
        assertEquals(32, keys.keyFor(DerivedKeys.CARD_FINGERPRINT).length);
    }

    @Test
    void anotherDeploymentSecretGivesOtherKeys() {
        assertFalse(Arrays.equals(new DerivedKeys(SECRET).keyFor(DerivedKeys.PAGE_TOKEN),
                new DerivedKeys(SECRET + "x").keyFor(DerivedKeys.PAGE_TOKEN)));
    }

    @Test
    void derivedKeyIsHmacSha256OfThePurposeUnderTheSecret() {
        byte[] expected = DerivedKeys.Hmac.sha256(SECRET.getBytes(StandardCharsets.UTF_8),
                "circoflows/page-token/v1".getBytes(StandardCharsets.UTF_8));

        assertArrayEquals(expected, new DerivedKeys(SECRET).keyFor(DerivedKeys.PAGE_TOKEN));
    }

    @Test
    void hmacMatchesRfc4231TestCase2() {
        byte[] mac = DerivedKeys.Hmac.sha256("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HexFormat.of().formatHex(mac));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "0123456789012345678901234567890"})
    void secretShorterThan32CharactersIsRefusedAtStartup(String secret) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DerivedKeys(secret));

        if (secret != null && !secret.isEmpty()) {
            assertFalse(e.getMessage().contains(secret));
        }
    }

    @Test
    void secretOf32CharactersIsEnough() {
        new DerivedKeys("01234567890123456789012345678901");
    }

    @Test
    void printingNeverShowsTheSecret() {
        assertFalse(new DerivedKeys(SECRET).toString().contains(SECRET));
    }
}
