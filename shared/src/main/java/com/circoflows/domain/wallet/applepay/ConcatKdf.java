package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * The symmetric key of an EC_v1 token: NIST SP 800-56A's concatenation KDF with SHA-256, one round
 * (32 bytes, an AES-256 key), so SHA-256(counter 00000001 || Z || OtherInfo). Apple's OtherInfo is the
 * algorithm id with its length byte (0x0D "id-aes256-GCM"), party U "Apple", and party V the SHA-256 of the
 * merchant identifier, which is why a token for another merchant identifier fails its GCM tag.
 */
final class ConcatKdf {
    private static final byte[] COUNTER = {0, 0, 0, 1};
    /** 0x0D, the length of the name, then "id-aes256-GCM". */
    private static final byte[] ALGORITHM_ID = "\rid-aes256-GCM".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PARTY_U = "Apple".getBytes(StandardCharsets.US_ASCII);

    private ConcatKdf() {
    }

    static byte[] appleAes256GcmKey(byte[] sharedSecret, String merchantIdentifier) {
        byte[] partyV = Sha256.of(merchantIdentifier.getBytes(StandardCharsets.UTF_8));
        return Sha256.of(COUNTER, sharedSecret, ALGORITHM_ID, PARTY_U, partyV);
    }
}
