package com.circoflows.localrunner.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies for POST /api/direct-payment; card data sent is recorded in {@link SentCardData}. */
public final class Payments {
    /** The reference's examples use 12/2025, now in the past; tests use a future expiry. */
    public static final String EXPIRY_MONTH = "12";
    public static final String EXPIRY_YEAR = "2030";

    /** Test cards from ARCHITECTURE.md. */
    public static final String SUCCESS = "4242424242424242";
    public static final String DECLINED = "4000000000000002";
    public static final String THREE_D_SECURE = "4000000000003220";
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";
    public static final String EXPIRED = "4000000000000069";
    public static final String INCORRECT_CVV = "4000000000000127";
    public static final String PROCESSING_ERROR = "4000000000000119";
    public static final String FRAUDULENT = "4100000000000019";
    public static final String AMEX = "378282246310005";
    public static final String MASTERCARD = "5555555555554444";
    /** 4242424242424242 with its last digit changed: fails the Luhn check. */
    public static final String LUHN_FAILURE = "4242424242424241";

    private Payments() {
    }

    /** The reference's Quick Start payment (USD 10.00), with a future expiry and the given card. */
    public static ObjectNode card(String cardNumber, String cvv) {
        return card(cardNumber, cvv, 1000);
    }

    public static ObjectNode card(String cardNumber, String cvv, long amount) {
        return Json.object()
                .put("amount", amount)
                .put("currency", "USD")
                .put("payment_method", "card")
                .put("card_number", SentCardData.pan(cardNumber))
                .put("expiry_month", EXPIRY_MONTH)
                .put("expiry_year", EXPIRY_YEAR)
                .put("cvv", SentCardData.cvv(cvv));
    }
}
