package com.circoflows.domain.wallet.applepay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The ASN.1 reader and writer: what Apple's signatures use, and hostile input refused without a crash. */
class ApplePayDerTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void objectIdentifiersAreWrittenAsX690ExamplesShowAndReadBack() throws Exception {
        assertEquals("06092a864886f70d010702", HEX.formatHex(DerWriter.oid(Oids.SIGNED_DATA)));
        assertEquals("06096086480165030402 01".replace(" ", ""), HEX.formatHex(DerWriter.oid(Oids.SHA_256)));
        assertEquals("06092a864886f76364061d", HEX.formatHex(DerWriter.oid(Oids.APPLE_PAY_LEAF)));
        for (String oid : new String[] {Oids.SIGNED_DATA, Oids.APPLE_PAY_INTERMEDIATE, "2.999.3", "0.0", "2.5.4.3"}) {
            assertEquals(oid, Der.read(DerWriter.oid(oid)).oid());
        }
    }

    @Test
    void timesAreUtcTimeBefore2050AndGeneralizedTimeFromIt() throws Exception {
        Instant before = Instant.parse("2049-12-31T23:59:59Z");
        Instant after = Instant.parse("2050-01-01T00:00:00Z");

        assertEquals("170d3439313233313233353935395a", HEX.formatHex(DerWriter.time(before)));
        assertEquals("180f32303530303130313030303030305a", HEX.formatHex(DerWriter.time(after)));
        assertEquals(before, Der.read(DerWriter.time(before)).time());
        assertEquals(after, Der.read(DerWriter.time(after)).time());
        assertEquals(Instant.parse("1950-01-01T00:00:00Z"), Der.read(HEX.parseHex("170d3530303130313030303030305a")).time());
    }

    @Test
    void longLengthsAreWrittenAndRead() throws Exception {
        byte[] content = new byte[300];
        byte[] encoded = DerWriter.octetString(content);

        assertEquals("0482012c", HEX.formatHex(encoded, 0, 4));
        assertArrayEquals(content, Der.read(encoded).content());
        assertEquals(BigInteger.valueOf(-129), Der.read(DerWriter.integer(BigInteger.valueOf(-129))).integer());
    }

    @Test
    void indefiniteLengthsAsAppleSendsThemAreReadWithTheirExactBytes() throws Exception {
        byte[] ber = HEX.parseHex("3080" + "0201" + "05" + "a080" + "0500" + "0000" + "0000");

        Der sequence = Der.read(ber);
        assertEquals(2, sequence.count());
        assertEquals(BigInteger.valueOf(5), sequence.child(0).integer());
        assertArrayEquals(HEX.parseHex("a08005000000"), sequence.child(1).encoded());
        assertArrayEquals(ber, sequence.encoded());
    }

    @Test
    void setOfIsSortedAsDerRequires() {
        assertEquals("3106020102020103", HEX.formatHex(DerWriter.setOf(DerWriter.integer(BigInteger.valueOf(3)),
                DerWriter.integer(BigInteger.TWO))));
    }

    @Test
    void malformedEncodingsAreInvalidTokens() {
        String[] malformed = {"", "30", "3004020101", "300102", "0480", "3081", "30850000000001", "1f0100",
                "3080020101", "020100" + "00", "0600", "06028001", "060181", "170d3439313333313233353935395a",
                "170c343931323331323335395a", "180f323035303031303130303030303041"};
        for (String hex : malformed) {
            assertThrows(InvalidPaymentToken.class, () -> {
                Der element = Der.read(HEX.parseHex(hex));
                if (element.tag() == Der.OID) {
                    element.oid();
                } else if (element.tag() == Der.UTC_TIME || element.tag() == Der.GENERALIZED_TIME) {
                    element.time();
                } else if (element.tag() == Der.INTEGER) {
                    element.integer();
                }
            }, hex);
        }
    }

    @Test
    void deepNestingIsRefusedRatherThanExhaustingTheStack() throws Exception {
        byte[] bomb = new byte[20_000];
        for (int i = 0; i < bomb.length; i += 2) {
            bomb[i] = 0x30;
            bomb[i + 1] = (byte) 0x80;
        }
        byte[] shallow = DerWriter.nullValue();
        for (int depth = 0; depth < 30; depth++) {
            shallow = DerWriter.sequence(shallow);
        }
        byte[] deep = shallow;
        for (int depth = 0; depth < 10; depth++) {
            deep = DerWriter.sequence(deep);
        }

        assertThrows(InvalidPaymentToken.class, () -> Der.read(bomb));
        assertEquals(Der.SEQUENCE, Der.read(shallow).tag());
        byte[] tooDeep = deep;
        assertThrows(InvalidPaymentToken.class, () -> Der.read(tooDeep));
    }
}
