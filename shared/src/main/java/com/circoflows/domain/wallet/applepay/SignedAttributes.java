package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A SignerInfo's signed attributes: what the signature covers. The signature is over their DER with the
 * SET OF tag (0x31) in place of the [0] IMPLICIT tag they are sent with (RFC 5652, section 5.4). Each of the
 * three attributes a token needs must appear once with one value; others (such as CMS algorithm
 * protection) are covered by the signature and otherwise ignored.
 */
record SignedAttributes(byte[] signedBytes, String contentType, byte[] messageDigest, Instant signingTime) {

    static SignedAttributes read(Der attributes) throws InvalidPaymentToken {
        byte[] signedBytes = attributes.expect(Der.contextConstructed(0)).encoded();
        signedBytes[0] = (byte) Der.SET;
        String contentType = null;
        byte[] messageDigest = null;
        Instant signingTime = null;
        Set<String> seen = new HashSet<>();
        for (Der attribute : attributes.children()) {
            String type = attribute.expect(Der.SEQUENCE).child(0).oid();
            Der values = attribute.child(1).expect(Der.SET);
            if (!seen.add(type) || attribute.count() != 2) {
                throw new InvalidPaymentToken("a signed attribute is repeated or malformed");
            }
            boolean needed = type.equals(Oids.CONTENT_TYPE) || type.equals(Oids.MESSAGE_DIGEST)
                    || type.equals(Oids.SIGNING_TIME);
            if (needed && values.count() != 1) {
                throw new InvalidPaymentToken("a signed attribute does not have exactly one value");
            }
            if (type.equals(Oids.CONTENT_TYPE)) {
                contentType = values.child(0).oid();
            } else if (type.equals(Oids.MESSAGE_DIGEST)) {
                messageDigest = values.child(0).expect(Der.OCTET_STRING).content();
            } else if (type.equals(Oids.SIGNING_TIME)) {
                signingTime = values.child(0).time();
            }
        }
        if (contentType == null || messageDigest == null || signingTime == null) {
            throw new InvalidPaymentToken("the signed attributes lack the content type, message digest or signing time");
        }
        return new SignedAttributes(signedBytes, contentType, messageDigest, signingTime);
    }
}
