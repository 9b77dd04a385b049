package com.circoflows.domain.session;

import com.circoflows.domain.card.CardDetails;

/**
 * What the customer typed on the payment page, already validated, and the address it came from (the
 * page's declines are limited per address). Holds the PAN and CVV in memory only.
 *
 * @param clientAddress the submitting client's IP address as the API's edge saw it; null if unknown
 */
public record CheckoutForm(CardDetails card, String cardholderName, String email, String clientAddress) {

    /** Typed fields only, from no known address. */
    public CheckoutForm(CardDetails card, String cardholderName, String email) {
        this(card, cardholderName, email, null);
    }

    /** The same form, submitted from {@code address}. */
    public CheckoutForm from(String address) {
        return new CheckoutForm(card, cardholderName, email, address);
    }

    @Override
    public String toString() {
        return "CheckoutForm[" + card + "]";
    }
}
