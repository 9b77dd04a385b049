package com.circoflows.domain.session;

import com.circoflows.domain.card.CardDetails;

/** What the customer typed on the payment page, already validated. Holds the PAN and CVV in memory only. */
public record CheckoutForm(CardDetails card, String cardholderName, String email) {

    @Override
    public String toString() {
        return "CheckoutForm[" + card + "]";
    }
}
