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

/**
 * Opens a Google Pay token (gateway tokenization) and reads the card from the decrypted message:
 * {@code paymentMethod} CARD, {@code paymentMethodDetails} with the PAN, its expiry and the auth method,
 * and for CRYPTOGRAM_3DS the cryptogram and ECI. A token whose {@code gatewayMerchantId} names another
 * merchant is refused: the merchant's page asked Google for a token for itself.
 */
public final class GooglePayTokens implements WalletTokenOpener {
    private final GooglePayTokenRecipient recipient;

    public GooglePayTokens(GooglePayTokenRecipient recipient) {
        this.recipient = recipient;
    }

    @Override
    public WalletCard open(String token, String merchantId) throws InvalidPaymentToken {
        JsonObject message = TokenJson.object(recipient.unseal(token), "the message");
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
}
