package com.circoflows.domain.wallet;

import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * What an opened wallet token holds: the device card (a DPAN for device tokens, the card itself for
 * PAN_ONLY), its cryptogram when it has one, and what replay protection needs. In memory only.
 *
 * @param tokenId the wallet's own id for this token (Apple's transactionId, Google's messageId): each is
 *     accepted once
 * @param usableUntil after this the token is refused anyway, so its claim need not be kept longer
 * @param cryptogram null for PAN_ONLY
 */
public record WalletCard(Wallet wallet, String tokenId, Instant usableUntil, CardNumber number, CardExpiry expiry,
        AuthMethod authMethod, DeviceCryptogram cryptogram) {

    public WalletCard {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(usableUntil, "usableUntil");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(authMethod, "authMethod");
        if ((authMethod == AuthMethod.CRYPTOGRAM_3DS) != (cryptogram != null)) {
            throw new IllegalArgumentException("a cryptogram comes with CRYPTOGRAM_3DS and only with it");
        }
    }

    @Override
    public String toString() {
        return "WalletCard[" + wallet.wireName() + " " + number.brand().wireName() + " " + number.masked() + " "
                + authMethod + "]";
    }
}
