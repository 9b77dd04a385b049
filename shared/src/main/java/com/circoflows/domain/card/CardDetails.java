package com.circoflows.domain.card;

import com.circoflows.domain.error.ApiException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A card as entered for one payment, or as a wallet's token carried it: checked, held in memory only, never
 * persisted as is.
 *
 * @param cvv the security code the customer typed; null for a wallet's device card, which has none (its
 *     cryptogram or 3-D Secure stands in for it)
 */
public record CardDetails(CardNumber number, CardExpiry expiry, CardSecurityCode cvv) {

    public CardDetails {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(expiry, "expiry");
    }

    /** The card a wallet token held, already opened and verified. */
    public static CardDetails fromWallet(CardNumber number, CardExpiry expiry) {
        return new CardDetails(number, expiry, null);
    }

    /**
     * Checks the request fields in a fixed order (number, expiry format, security code, then
     * expiry date), so a caller who gets several wrong is told about the first one consistently.
     *
     * @param clock decides the current month, in its own time zone
     * @throws ApiException invalid_card, invalid_request (expiry fields), invalid_cvv or expired_card
     */
    public static CardDetails validate(String cardNumber, String expiryMonth, String expiryYear, String cvv,
            Clock clock) {
        YearMonth currentMonth = YearMonth.now(clock);
        CardNumber number = CardNumber.parse(cardNumber);
        CardExpiry expiry = CardExpiry.parse(expiryMonth, expiryYear, currentMonth);
        CardSecurityCode securityCode = CardSecurityCode.parse(cvv, number.brand());
        expiry.requireNotExpiredAt(currentMonth);
        return new CardDetails(number, expiry, securityCode);
    }

    public CardBrand brand() {
        return number.brand();
    }

    @Override
    public String toString() {
        return "CardDetails[" + number.brand().wireName() + " " + number.masked() + " exp " + expiry.formatted() + "]";
    }
}
