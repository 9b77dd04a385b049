package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One ASN.1 element read from hostile bytes. Apple writes the token's PKCS #7 signature in BER with
 * indefinite lengths (a constructed element ended by two zero bytes) around DER certificates and DER signed
 * attributes, so this reads both and keeps each element's exact bytes: certificates are parsed, and signed
 * attributes verified, from the bytes as sent. Lengths are checked against what is left before anything is
 * read, nesting is bounded, and every malformation is an {@link InvalidPaymentToken}.
 */
final class Der {
    static final int BOOLEAN = 0x01;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0C;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    private static final int CONSTRUCTED = 0x20;
    private static final int CONTEXT_CONSTRUCTED = 0xA0;
    /** A signature with certificates nests about ten deep; more is an attack on the stack, not a token. */
    private static final int MAX_DEPTH = 32;

    private final byte[] source;
    private final int tag;
    private final int start;
    private final int contentStart;
    private final int contentEnd;
    private final int end;
    private final List<Der> children;

    private Der(byte[] source, int tag, int start, int contentStart, int contentEnd, int end, List<Der> children) {
        this.source = source;
        this.tag = tag;
        this.start = start;
        this.contentStart = contentStart;
        this.contentEnd = contentEnd;
        this.end = end;
        this.children = children;
    }

    /** The one element the bytes hold, with nothing after it. */
    static Der read(byte[] bytes) throws InvalidPaymentToken {
        Der element = read(bytes, 0, bytes.length, 0);
        if (element.end != bytes.length) {
            throw malformed();
        }
        return element;
    }

    static int contextConstructed(int number) {
        return CONTEXT_CONSTRUCTED | number;
    }

    int tag() {
        return tag;
    }

    /** This element, checked to have the tag the structure calls for. */
    Der expect(int expectedTag) throws InvalidPaymentToken {
        if (tag != expectedTag) {
            throw malformed();
        }
        return this;
    }

    int count() {
        return children.size();
    }

    Der child(int index) throws InvalidPaymentToken {
        if (index >= children.size()) {
            throw malformed();
        }
        return children.get(index);
    }

    List<Der> children() {
        return children;
    }

    /** The element as sent: tag, length and content. */
    byte[] encoded() {
        return Arrays.copyOfRange(source, start, end);
    }

    /** A primitive element's content (constructed BER strings are not something a token needs). */
    byte[] content() throws InvalidPaymentToken {
        if ((tag & CONSTRUCTED) != 0) {
            throw malformed();
        }
        return Arrays.copyOfRange(source, contentStart, contentEnd);
    }

    BigInteger integer() throws InvalidPaymentToken {
        byte[] content = expect(INTEGER).content();
        if (content.length == 0) {
            throw malformed();
        }
        return new BigInteger(content);
    }

    /** An object identifier in dotted form, e.g. "1.2.840.113549.1.7.2". */
    String oid() throws InvalidPaymentToken {
        byte[] content = expect(OID).content();
        if (content.length == 0 || content[content.length - 1] < 0) {
            throw malformed();
        }
        StringBuilder dotted = new StringBuilder();
        long arc = 0;
        boolean first = true;
        for (int i = 0; i < content.length; i++) {
            if (arc == 0 && content[i] == (byte) 0x80) {
                throw malformed(); // an arc padded with a leading zero group is not DER
            }
            arc = (arc << 7) | (content[i] & 0x7F);
            if (arc >= 1L << 56) {
                throw malformed();
            }
            if (content[i] >= 0) {
                if (first) {
                    long top = Math.min(arc / 40, 2);
                    dotted.append(top).append('.').append(arc - 40 * top);
                    first = false;
                } else {
                    dotted.append('.').append(arc);
                }
                arc = 0;
            }
        }
        return dotted.toString();
    }

    /** A UTCTime (YYMMDDHHMMSSZ, years 1950..2049) or GeneralizedTime (YYYYMMDDHHMMSSZ), as RFC 5280 writes them. */
    Instant time() throws InvalidPaymentToken {
        if (tag != UTC_TIME && tag != GENERALIZED_TIME) {
            throw malformed();
        }
        String text = new String(content(), StandardCharsets.US_ASCII);
        int yearDigits = tag == UTC_TIME ? 2 : 4;
        if (text.length() != yearDigits + 11 || !text.endsWith("Z")
                || !text.substring(0, text.length() - 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed();
        }
        int year = Integer.parseInt(text.substring(0, yearDigits));
        if (tag == UTC_TIME) {
            year += year >= 50 ? 1900 : 2000;
        }
        try {
            return LocalDateTime.of(year, number(text, yearDigits), number(text, yearDigits + 2),
                    number(text, yearDigits + 4), number(text, yearDigits + 6), number(text, yearDigits + 8))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw malformed();
        }
    }

    private static int number(String text, int at) {
        return Integer.parseInt(text.substring(at, at + 2));
    }

    private static Der read(byte[] bytes, int start, int limit, int depth) throws InvalidPaymentToken {
        if (depth > MAX_DEPTH || limit - start < 2) {
            throw malformed();
        }
        int tag = bytes[start] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw malformed(); // high tag numbers appear nowhere in CMS or X.509
        }
        boolean constructed = (tag & CONSTRUCTED) != 0;
        int at = start + 1;
        int first = bytes[at++] & 0xFF;
        if (first == 0x80) {
            if (!constructed) {
                throw malformed();
            }
            return readIndefinite(bytes, tag, start, at, limit, depth);
        }
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int lengthBytes = first & 0x7F;
            if (lengthBytes > 3 || limit - at < lengthBytes) {
                throw malformed(); // 16 MB is far beyond any token
            }
            length = 0;
            for (int i = 0; i < lengthBytes; i++) {
                length = (length << 8) | (bytes[at++] & 0xFF);
            }
        }
        if (length > limit - at) {
            throw malformed();
        }
        int contentEnd = at + length;
        List<Der> children = new ArrayList<>();
        if (constructed) {
            for (int child = at; child < contentEnd; ) {
                Der element = read(bytes, child, contentEnd, depth + 1);
                children.add(element);
                child = element.end;
            }
        }
        return new Der(bytes, tag, start, at, contentEnd, contentEnd, List.copyOf(children));
    }

    private static Der readIndefinite(byte[] bytes, int tag, int start, int contentStart, int limit, int depth)
            throws InvalidPaymentToken {
        List<Der> children = new ArrayList<>();
        int at = contentStart;
        while (true) {
            if (limit - at < 2) {
                throw malformed();
            }
            if (bytes[at] == 0 && bytes[at + 1] == 0) {
                return new Der(bytes, tag, start, contentStart, at, at + 2, List.copyOf(children));
            }
            Der element = read(bytes, at, limit, depth + 1);
            children.add(element);
            at = element.end;
        }
    }

    private static InvalidPaymentToken malformed() {
        return new InvalidPaymentToken("the signature is not well-formed ASN.1");
    }
}
