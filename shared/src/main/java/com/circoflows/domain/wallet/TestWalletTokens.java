package com.circoflows.domain.wallet;

import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.wallet.applepay.ApplePayTestKeys;
import com.circoflows.domain.wallet.applepay.ApplePayTokenSender;
import com.circoflows.domain.wallet.googlepay.GooglePayTokenSender;
import com.circoflows.json.Json;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * POST /api/test/wallet-tokens: test mode's wallets mint a genuinely signed and encrypted token for a test
 * card, in exactly the wallet's format, so a payment with it runs the real verification and decryption.
 * The card comes back only inside the ciphertext.
 */
public final class TestWalletTokens {
    /** How long a minted Google Pay message stays valid: long enough for a test suite, short like Google's. */
    static final Duration GOOGLE_MESSAGE_LIFETIME = Duration.ofHours(1);
    private static final Duration INTERMEDIATE_KEY_LIFETIME = Duration.ofDays(1);
    private static final String GOOGLE_RECIPIENT_ID = "gateway:circoflows";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What test mode's Apple Pay sheet shows when the mint names no amount. */
    private static final Money DEFAULT_SHEET_AMOUNT = Money.of(1000, "USD");

    private final Clock clock;
    private final Properties googleKeys;

    public TestWalletTokens(Clock clock) {
        this.clock = clock;
        this.googleKeys = TestModeWallets.googleSenderKeys();
    }

    /** One token to mint; {@code sheetAmount} is what the wallet's payment sheet showed (Apple Pay records it). */
    public record Mint(Wallet wallet, String merchantId, CardNumber card, CardExpiry expiry, AuthMethod authMethod,
            Money sheetAmount) {
        public Mint {
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(expiry, "expiry");
            Objects.requireNonNull(authMethod, "authMethod");
        }

        @Override
        public String toString() {
            return "Mint[" + wallet.wireName() + " " + card + " " + authMethod + "]";
        }
    }

    /** The token as the wallet hands it to the merchant's page: JSON text. */
    public String mint(Mint mint) {
        return mint.wallet() == Wallet.GOOGLE_PAY ? googlePay(mint) : applePay(mint);
    }

    /**
     * Apple Pay: the decrypted payment data Apple's format gives (a device card, its YYMMDD expiry, the sheet's
     * amount and ISO 4217 numeric currency, a 3DSecure online cryptogram), signed by test mode's leaf
     * certificate now and encrypted for test mode's merchant key.
     */
    private String applePay(Mint mint) {
        if (mint.authMethod() != AuthMethod.CRYPTOGRAM_3DS) {
            throw new IllegalArgumentException("Apple Pay tokens always carry a cryptogram");
        }
        Money sheet = mint.sheetAmount() != null ? mint.sheetAmount() : DEFAULT_SHEET_AMOUNT;
        Map<String, Object> paymentData = new LinkedHashMap<>();
        paymentData.put("onlinePaymentCryptogram", newCryptogram());
        paymentData.put("eciIndicator", "05");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicationPrimaryAccountNumber", mint.card().revealDigits());
        data.put("applicationExpirationDate", String.format("%02d%02d%02d", mint.expiry().year() % 100,
                mint.expiry().month(), YearMonth.of(mint.expiry().year(), mint.expiry().month()).lengthOfMonth()));
        data.put("currencyCode", String.format("%03d", sheet.currency().getNumericCode()));
        data.put("transactionAmount", sheet.minorUnits());
        data.put("deviceManufacturerIdentifier", "040010030273");
        data.put("paymentDataType", "3DSecure");
        data.put("paymentData", paymentData);
        byte[] transactionId = new byte[32];
        RANDOM.nextBytes(transactionId);
        return ApplePayTokenSender.testMode().seal(ApplePayTestKeys.merchantKey(), Json.write(data),
                HexFormat.of().formatHex(transactionId), clock.instant());
    }

    private String googlePay(Mint mint) {
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pan", mint.card().revealDigits());
        details.put("expirationMonth", mint.expiry().month());
        details.put("expirationYear", mint.expiry().year());
        details.put("authMethod", mint.authMethod().name());
        if (mint.authMethod() == AuthMethod.CRYPTOGRAM_3DS) {
            details.put("cryptogram", newCryptogram());
            details.put("eciIndicator", "05");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("gatewayMerchantId", mint.merchantId());
        message.put("messageExpiration", Long.toString(now.plus(GOOGLE_MESSAGE_LIFETIME).toEpochMilli()));
        message.put("messageId", "test_" + RandomIds.base62(32));
        message.put("paymentMethod", "CARD");
        message.put("paymentMethodDetails", details);
        GooglePayTokenSender sender = new GooglePayTokenSender(
                EcKeys.privateKeyPkcs8(googleKeys.getProperty("root.private")),
                new KeyPair(publicKey("intermediate.public"),
                        EcKeys.privateKeyPkcs8(googleKeys.getProperty("intermediate.private"))),
                now.plus(INTERMEDIATE_KEY_LIFETIME));
        return sender.seal(GOOGLE_RECIPIENT_ID, publicKey("recipient.public"), Json.write(message));
    }

    private ECPublicKey publicKey(String name) {
        try {
            return EcKeys.publicKeyX509(googleKeys.getProperty(name));
        } catch (InvalidPaymentToken e) {
            throw new IllegalStateException("the shipped test key " + name + " is not an EC public key", e);
        }
    }

    /** Like a network's online cryptogram: 20 random bytes, base64. */
    static String newCryptogram() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
