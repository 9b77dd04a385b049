package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpSecretTest {
    /** 20 bytes: "Hello!" 0xDEADBEEF, twice. */
    private static final String KNOWN_BASE32 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Test
    void generatedSecretHolds160Bits() {
        TotpSecret secret = TotpSecret.generate();

        assertEquals(20, secret.key().length);
        assertEquals(32, secret.base32().length());
    }

    @Test
    void generatedSecretsDiffer() {
        assertNotEquals(TotpSecret.generate(), TotpSecret.generate());
    }

    @Test
    void secretIsTheBytesOfTheGivenRandomSource() {
        RandomGenerator allOnes = () -> -1L;

        TotpSecret secret = TotpSecret.generate(allOnes);

        assertEquals("77777777777777777777777777777777", secret.base32());
    }

    @Test
    void storedBase32ReadsBackAsTheSameSecret() {
        TotpSecret secret = TotpSecret.generate();

        TotpSecret read = TotpSecret.fromBase32(secret.base32());

        assertEquals(secret, read);
        assertEquals(secret.base32(), read.base32());
    }

    @Test
    void base32AsPeopleTypeItReadsAsTheSameSecret() {
        assertEquals(TotpSecret.fromBase32(KNOWN_BASE32), TotpSecret.fromBase32("jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp"));
    }

    @Test
    void secretShorterThan128BitsIsRefused() {
        String fifteenBytes = Base32.encode(new byte[15]);

        assertThrows(IllegalArgumentException.class, () -> TotpSecret.fromBase32(fifteenBytes));
    }

    @Test
    void textThatIsNotBase32IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TotpSecret.fromBase32("JBSWY3DPEHPK3PXP0BSWY3DPEHPK3PXP"));
    }

    @Test
    void toStringRevealsNothingOfTheSecret() {
        TotpSecret secret = TotpSecret.fromBase32(KNOWN_BASE32);

        assertEquals("TotpSecret[hidden]", secret.toString());
    }

    @Test
    void keyHandedToTheHmacIsACopy() {
        TotpSecret secret = TotpSecret.fromBase32(KNOWN_BASE32);

        secret.key()[0] ^= 1;

        assertEquals(KNOWN_BASE32, secret.base32());
    }

    @Test
    void otpauthUriHasTheKeyUriFormatAuthenticatorAppsRead() {
        String uri = TotpSecret.fromBase32(KNOWN_BASE32).otpauthUri("CircoFlows", "ana@example.com");

        assertEquals("otpauth://totp/CircoFlows:ana%40example.com?secret=" + KNOWN_BASE32
                + "&issuer=CircoFlows&algorithm=SHA1&digits=6&period=30", uri);
    }

    @Test
    void otpauthUriPercentEncodesSpacesAsPercent20NeverPlus() {
        String uri = TotpSecret.fromBase32(KNOWN_BASE32).otpauthUri("Circo Flows", "ana maria+ops@example.com");

        assertEquals("otpauth://totp/Circo%20Flows:ana%20maria%2Bops%40example.com?secret=" + KNOWN_BASE32
                + "&issuer=Circo%20Flows&algorithm=SHA1&digits=6&period=30", uri);
    }

    @Test
    void otpauthUriDecodesBackToTheIssuerAndAccountIncludingNonAscii() {
        URI uri = URI.create(TotpSecret.fromBase32(KNOWN_BASE32).otpauthUri("Zoë & Co", "zoë/ops@example.com"));

        assertEquals("/Zoë & Co:zoë/ops@example.com", uri.getPath());
        assertEquals("secret=" + KNOWN_BASE32 + "&issuer=Zoë & Co&algorithm=SHA1&digits=6&period=30", uri.getQuery());
        assertFalse(uri.getRawQuery().contains("&issuer=Zoë"), uri.getRawQuery());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "Circo:Flows"})
    void issuerThatCannotBeALabelIsRefused(String issuer) {
        TotpSecret secret = TotpSecret.fromBase32(KNOWN_BASE32);

        assertThrows(RuntimeException.class, () -> secret.otpauthUri(issuer, "ana@example.com"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "ana:ops@example.com"})
    void accountNameThatCannotBeALabelIsRefused(String accountName) {
        TotpSecret secret = TotpSecret.fromBase32(KNOWN_BASE32);

        assertThrows(RuntimeException.class, () -> secret.otpauthUri("CircoFlows", accountName));
    }

    @Test
    void rfcSeedOfAnyLengthIsKeptAsGiven() {
        byte[] seed = "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

        assertArrayEquals(seed, TotpSecret.ofBytes(seed).key());
    }
}
