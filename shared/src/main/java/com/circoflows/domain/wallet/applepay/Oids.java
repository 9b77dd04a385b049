package com.circoflows.domain.wallet.applepay;

/** The object identifiers a payment token's signature names. */
final class Oids {
    static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    static final String DATA = "1.2.840.113549.1.7.1";
    static final String CONTENT_TYPE = "1.2.840.113549.1.9.3";
    static final String MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
    static final String SIGNING_TIME = "1.2.840.113549.1.9.5";
    static final String SHA_256 = "2.16.840.1.101.3.4.2.1";
    static final String ECDSA_WITH_SHA_256 = "1.2.840.10045.4.3.2";
    /** Marks Apple's leaf certificate that signs payment tokens. */
    static final String APPLE_PAY_LEAF = "1.2.840.113635.100.6.29";
    /** Marks Apple's intermediate CA that issues that leaf. */
    static final String APPLE_PAY_INTERMEDIATE = "1.2.840.113635.100.6.2.14";

    private Oids() {
    }
}
