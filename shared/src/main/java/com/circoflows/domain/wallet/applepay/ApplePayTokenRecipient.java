package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.EcKeys;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Verifies and opens an Apple Pay token's paymentData (version EC_v1) in the order Apple's payment token
 * format reference gives: its shape and the merchant key it was encrypted for (by the public key hash), the
 * detached PKCS #7 signature ({@link TokenSignature}), then the decryption ({@link PaymentDataCipher}) and the
 * decrypted fields. The JDK's crypto only (X.509, ECDSA, ECDH, AES-GCM); no third-party library.
 */
public final class ApplePayTokenRecipient {
    private final TokenSignature signature;
    private final List<ApplePayMerchantKey> merchantKeys;

    /**
     * @param trustedRoots Apple Root CA - G3 in production (from configuration); test mode's root in test mode
     * @param merchantKeys every payment processing key a token may be encrypted for (more than one while a key is
     *        being rotated)
     * @param signingTimeTolerance how long after Apple signs a token it may still be opened (Apple suggests a few
     *        minutes, to refuse replays)
     */
    public ApplePayTokenRecipient(List<X509Certificate> trustedRoots, List<ApplePayMerchantKey> merchantKeys,
            Duration signingTimeTolerance, Clock clock) {
        this.signature = new TokenSignature(trustedRoots, Objects.requireNonNull(signingTimeTolerance), clock);
        this.merchantKeys = List.copyOf(merchantKeys);
    }

    /** Verifies, then decrypts; every failure is an InvalidPaymentToken whose reason never quotes the token. */
    public ApplePayPayment open(String paymentDataJson) throws InvalidPaymentToken {
        EcV1Token token = EcV1Token.read(paymentDataJson);
        ApplePayMerchantKey merchantKey = keyHashing(token.publicKeyHash());
        ECPublicKey ephemeral = EcKeys.publicKeyX509(
                Base64.getEncoder().encodeToString(token.ephemeralPublicKey()));
        signature.verify(token.signature(), token.signedContent());
        byte[] plaintext = PaymentDataCipher.decrypt(merchantKey, ephemeral, token.data());
        return DecryptedPaymentData.read(new String(plaintext, StandardCharsets.UTF_8), token.transactionIdHex());
    }

    private ApplePayMerchantKey keyHashing(byte[] publicKeyHash) throws InvalidPaymentToken {
        for (ApplePayMerchantKey key : merchantKeys) {
            if (MessageDigest.isEqual(key.publicKeyHash(), publicKeyHash)) {
                return key;
            }
        }
        throw new InvalidPaymentToken("the token is encrypted for a merchant key we do not hold");
    }
}
