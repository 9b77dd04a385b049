package com.circoflows.domain.card;

import com.circoflows.domain.wallet.Wallet;
import java.util.Objects;

/**
 * Everything about a card we are allowed to persist: no PAN and no security code, only what a
 * receipt shows plus a keyed fingerprint to recognise the card again. For a wallet payment it is the
 * device card's (its DPAN's last4, never the DPAN or its cryptogram), with the wallet named.
 *
 * @param wallet the wallet whose token carried the card, or null for a typed card
 */
public record StoredCard(CardBrand brand, String last4, int expMonth, int expYear, String fingerprint, Wallet wallet) {

    public StoredCard(CardBrand brand, String last4, int expMonth, int expYear, String fingerprint) {
        this(brand, last4, expMonth, expYear, fingerprint, null);
    }

    public StoredCard {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (last4 == null || last4.length() != 4 || !Digits.isAsciiDigits(last4)) {
            throw new IllegalArgumentException("last4 must be four digits");
        }
        // Reuse CardExpiry's range checks so a stored card can always be turned back into one.
        new CardExpiry(expMonth, expYear);
        if (fingerprint.isBlank()) {
            throw new IllegalArgumentException("fingerprint must not be blank");
        }
    }

    public static StoredCard from(CardDetails card, CardFingerprinter fingerprinter) {
        return from(card, fingerprinter, null);
    }

    public static StoredCard from(CardDetails card, CardFingerprinter fingerprinter, Wallet wallet) {
        CardNumber number = card.number();
        CardExpiry expiry = card.expiry();
        return new StoredCard(number.brand(), number.last4(), expiry.month(), expiry.year(),
                fingerprinter.fingerprint(number), wallet);
    }

    public CardExpiry expiry() {
        return new CardExpiry(expMonth, expYear);
    }
}
