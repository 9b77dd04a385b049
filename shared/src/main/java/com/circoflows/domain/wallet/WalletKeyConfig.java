package com.circoflows.domain.wallet;

import com.circoflows.domain.wallet.applepay.ApplePayMerchantKey;
import com.circoflows.domain.wallet.applepay.ApplePayTokenRecipient;
import com.circoflows.domain.wallet.applepay.ApplePayTokens;
import com.circoflows.domain.wallet.googlepay.GooglePayTokenRecipient;
import com.circoflows.domain.wallet.googlepay.GooglePayTokens;
import com.circoflows.domain.wallet.googlepay.RootSigningKey;
import com.circoflows.json.Json;
import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import com.circoflows.json.MalformedJsonException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The wallets' keys as configuration gives them: one JSON document, the production one in Secrets Manager
 * (WALLET_KEYS_SECRET_ARN) and test mode's shipped in the jar, read by this one parser. A wallet whose
 * section is missing is not offered. Google Pay's recipient key is {@code recipient_private_key}, or during a
 * rotation {@code recipient_private_keys} (the current first). Google's root keys are pasted as Google publishes them
 * ({@code {"keys":[{"keyValue","protocolVersion","keyExpiration"}]}}). Errors name the member, never a key.
 */
public final class WalletKeyConfig {
    /**
     * How long after Apple signed a token we still take it: Apple's guidance is a few minutes, enough for the
     * page to post it and our API to receive it.
     */
    public static final Duration APPLE_SIGNING_TIME_TOLERANCE = Duration.ofMinutes(5);
    private WalletKeyConfig() {
    }

    public static WalletKeyring parse(String json, Clock clock) {
        JsonObject config = object(parseJson(json), "the wallet key configuration");
        Map<Wallet, WalletTokenOpener> openers = new EnumMap<>(Wallet.class);
        JsonValue google = config.get("google_pay");
        if (google != null) {
            openers.put(Wallet.GOOGLE_PAY, googlePay(object(google, "google_pay"), clock));
        }
        JsonValue apple = config.get("apple_pay");
        if (apple != null) {
            openers.put(Wallet.APPLE_PAY, applePay(object(apple, "apple_pay"), clock));
        }
        return new WalletKeyring(openers);
    }

    /**
     * {@code {"root_certificates": [PEM…], "merchant_keys": [{"merchant_identifier", "private_key" (PKCS #8,
     * base64), "public_key" (X.509, base64)}], "signing_time_tolerance_seconds"?}}: Apple's root (Apple Root CA -
     * G3) and our payment processing keys, one per merchant identifier, several during a rotation.
     */
    private static WalletTokenOpener applePay(JsonObject section, Clock clock) {
        List<X509Certificate> roots = new ArrayList<>();
        for (JsonValue pem : array(section.get("root_certificates"), "apple_pay.root_certificates")) {
            roots.add(certificate(pem));
        }
        List<ApplePayMerchantKey> keys = new ArrayList<>();
        for (JsonValue entry : array(section.get("merchant_keys"), "apple_pay.merchant_keys")) {
            JsonObject key = object(entry, "an Apple Pay merchant key");
            keys.add(new ApplePayMerchantKey(text(key, "merchant_identifier"),
                    EcKeys.privateKeyPkcs8(text(key, "private_key")),
                    publicKey(text(key, "public_key"), "an Apple Pay merchant key's public_key")));
        }
        JsonValue seconds = section.get("signing_time_tolerance_seconds");
        Duration tolerance = seconds == null ? APPLE_SIGNING_TIME_TOLERANCE : Duration.ofSeconds(seconds.longValue());
        return new ApplePayTokens(new ApplePayTokenRecipient(roots, keys, tolerance, clock), tolerance, clock);
    }

    private static X509Certificate certificate(JsonValue pem) {
        if (pem == null || !pem.isTextual()) {
            throw new IllegalArgumentException("apple_pay.root_certificates must hold PEM certificates");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.textValue().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("apple_pay.root_certificates holds something that is not a certificate");
        }
    }

    private static WalletTokenOpener googlePay(JsonObject section, Clock clock) {
        JsonObject published = object(section.get("root_signing_keys"), "google_pay.root_signing_keys");
        List<RootSigningKey> roots = new ArrayList<>();
        for (JsonValue entry : array(published.get("keys"), "google_pay.root_signing_keys.keys")) {
            JsonObject key = object(entry, "a root signing key");
            String expiration = optionalText(key, "keyExpiration");
            roots.add(new RootSigningKey(publicKey(text(key, "keyValue"), "a root signing key's keyValue"),
                    text(key, "protocolVersion"), expiration == null ? null
                            : Instant.ofEpochMilli(Long.parseLong(expiration))));
        }
        List<GooglePayTokenRecipient> recipients = new ArrayList<>();
        List<JsonValue> keys = section.get("recipient_private_keys") != null
                ? array(section.get("recipient_private_keys"), "google_pay.recipient_private_keys")
                : List.of(textValue(section, "recipient_private_key"));
        for (JsonValue key : keys) {
            if (!key.isTextual()) {
                throw new IllegalArgumentException("google_pay.recipient_private_keys must hold base64 PKCS #8 keys");
            }
            recipients.add(new GooglePayTokenRecipient(roots, text(section, "recipient_id"),
                    EcKeys.privateKeyPkcs8(key.textValue()), clock));
        }
        return new GooglePayTokens(recipients);
    }

    static java.security.interfaces.ECPublicKey publicKey(String base64, String what) {
        try {
            return EcKeys.publicKeyX509(base64);
        } catch (InvalidPaymentToken e) {
            throw new IllegalArgumentException(what + " is not a base64 X.509 EC public key");
        }
    }

    static JsonValue parseJson(String json) {
        try {
            return Json.parse(json);
        } catch (MalformedJsonException e) {
            throw new IllegalArgumentException("the wallet key configuration is not JSON");
        }
    }

    static JsonObject object(JsonValue value, String what) {
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return value.asObject();
    }

    static List<JsonValue> array(JsonValue value, String what) {
        if (value == null || !value.isArray() || value.elements().isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty array");
        }
        return value.elements();
    }

    static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException(name + " must be non-empty text");
        }
        return value.textValue();
    }

    private static JsonValue textValue(JsonObject object, String name) {
        text(object, name);
        return object.get(name);
    }

    static String optionalText(JsonObject object, String name) {
        return object.get(name) == null || object.get(name).isNull() ? null : text(object, name);
    }
}
