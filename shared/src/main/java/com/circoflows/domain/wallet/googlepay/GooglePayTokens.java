package com.circoflows.domain.wallet.googlepay;

import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.DeviceCards;
import com.circoflows.domain.wallet.DeviceCryptogram;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.domain.wallet.TokenJson;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.wallet.WalletCard;
import com.circoflows.domain.wallet.WalletTokenOpener;
import com.circoflows.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Opens a Google Pay token (gateway tokenization) and reads the card from the decrypted message:
 * {@code paymentMethod} CARD, {@code paymentMethodDetails} with the PAN, its expiry and the auth method,
 * and for CRYPTOGRAM_3DS the cryptogram and ECI. A token whose {@code gatewayMerchantId} names another
 * merchant is refused: the merchant's page asked Google for a token for itself.
 */
public final class GooglePayTokens implements WalletTokenOpener {
    private final List<GooglePayTokenRecipient> recipients;

    /** @param recipients one per recipient key we hold: the current one first, then those being rotated out */
    public GooglePayTokens(List<GooglePayTokenRecipient> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("Google Pay needs at least one recipient key");
        }
        this.recipients = List.copyOf(recipients);
    }

    @Override
    public WalletCard open(String token, String merchantId) throws InvalidPaymentToken {
        JsonObject message = TokenJson.object(unseal(token), "the message");
        String gatewayMerchantId = TokenJson.optionalText(message, "gatewayMerchantId");
        if (gatewayMerchantId != null && !gatewayMerchantId.equals(merchantId)) {
            throw new InvalidPaymentToken("the token was made for another gateway merchant id");
        }
        if (!"CARD".equals(TokenJson.text(message, "paymentMethod"))) {
            throw new InvalidPaymentToken("paymentMethod is not CARD");
        }
        JsonObject details = TokenJson.object(message.get("paymentMethodDetails"), "paymentMethodDetails");
        AuthMethod authMethod = AuthMethod.fromWireName(TokenJson.text(details, "authMethod"))
                .orElseThrow(() -> new InvalidPaymentToken("authMethod is neither PAN_ONLY nor CRYPTOGRAM_3DS"));
        DeviceCryptogram cryptogram = authMethod == AuthMethod.CRYPTOGRAM_3DS
                ? new DeviceCryptogram(TokenJson.text(details, "cryptogram"),
                        TokenJson.optionalText(details, "eciIndicator"))
                : null;
        return new WalletCard(Wallet.GOOGLE_PAY, TokenJson.text(message, "messageId"),
                Instant.ofEpochMilli(TokenJson.integer(message, "messageExpiration")),
                DeviceCards.number(TokenJson.text(details, "pan")),
                DeviceCards.expiry(TokenJson.integer(details, "expirationMonth"),
                        TokenJson.integer(details, "expirationYear")),
                authMethod, cryptogram);
    }

    /**
     * With the current key, else (during a rotation, while Google still encrypts to the key we announced
     * before) with the older ones; a token none opens is refused with the current key's reason.
     */
    private String unseal(String token) throws InvalidPaymentToken {
        InvalidPaymentToken first = null;
        for (GooglePayTokenRecipient recipient : recipients) {
            try {
                return recipient.unseal(token);
            } catch (InvalidPaymentToken e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }
}
