package com.circoflows.domain.wallet.applepay;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/** DER encodings, for test mode's Apple to write the token's PKCS #7 signature (and tests, certificates). */
final class DerWriter {
    private static final Instant FIRST_GENERALIZED_TIME = Instant.parse("2050-01-01T00:00:00Z");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private DerWriter() {
    }

    static byte[] element(int tag, byte[]... contents) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : contents) {
            content.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.size();
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... elements) {
        return element(Der.SEQUENCE, elements);
    }

    /** DER orders a SET OF by its elements' encodings. */
    static byte[] setOf(byte[]... elements) {
        byte[][] sorted = elements.clone();
        Arrays.sort(sorted, Arrays::compareUnsigned);
        return element(Der.SET, sorted);
    }

    static byte[] contextConstructed(int number, byte[]... elements) {
        return element(Der.contextConstructed(number), elements);
    }

    static byte[] integer(BigInteger value) {
        return element(Der.INTEGER, value.toByteArray());
    }

    static byte[] octetString(byte[] content) {
        return element(Der.OCTET_STRING, content);
    }

    static byte[] nullValue() {
        return element(Der.NULL);
    }

    static byte[] utf8String(String text) {
        return element(Der.UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    /** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 and RFC 5652 both ask this), whole seconds. */
    static byte[] time(Instant instant) {
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        return seconds.isBefore(FIRST_GENERALIZED_TIME)
                ? element(Der.UTC_TIME, UTC_TIME.format(seconds).getBytes(StandardCharsets.US_ASCII))
                : element(Der.GENERALIZED_TIME, GENERALIZED_TIME.format(seconds).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        base128(content, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(content, Long.parseLong(arcs[i]));
        }
        return element(Der.OID, content.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long arc) {
        int groups = 1;
        while (groups < 9 && arc >>> (7 * groups) != 0) {
            groups++;
        }
        for (int group = groups - 1; group >= 0; group--) {
            int bits = (int) (arc >>> (7 * group)) & 0x7F;
            out.write(group == 0 ? bits : bits | 0x80);
        }
    }
}
