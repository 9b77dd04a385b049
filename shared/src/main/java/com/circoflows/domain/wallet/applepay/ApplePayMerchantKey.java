package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.Sha256;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;

/**
 * One of our payment processing keys registered with Apple, with the merchant identifier it was registered
 * for (e.g. "merchant.com.example"): its SHA-256 is the KDF's party V info, which the payment processing
 * certificate's extension 1.2.840.113635.100.6.32 carries hex-encoded. Production keys come from
 * configuration, never from the repository.
 */
public record ApplePayMerchantKey(String merchantIdentifier, ECPrivateKey privateKey, ECPublicKey publicKey) {
    public ApplePayMerchantKey {
        Objects.requireNonNull(merchantIdentifier, "merchantIdentifier");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (merchantIdentifier.isBlank()) {
            throw new IllegalArgumentException("merchantIdentifier is blank");
        }
    }

    /** What a token's header.publicKeyHash holds for this key: SHA-256 of its X.509 SubjectPublicKeyInfo. */
    byte[] publicKeyHash() {
        return Sha256.of(publicKey.getEncoded());
    }

    @Override
    public String toString() {
        return "ApplePayMerchantKey[" + merchantIdentifier + "]"; // never the private key
    }
}
