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
    public static final String DISCOVER = "6011111111111117";
    /** Valid numbers that are not in the test card table: the fraud rules screen them as real cards. */
    public static final String OTHER_VISA = "4012888888881881";
    /** Each trips its fraud rule in test mode (docs/api.md, "Test cards"). */
    public static final String TRIPS_AMOUNT_LIMIT = "4100000000000027";
    public static final String TRIPS_CARD_VELOCITY = "4100000000000035";
    public static final String TRIPS_MERCHANT_VELOCITY = "4100000000000043";
    public static final String TRIPS_CARD_TESTING = "4100000000000050";
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
