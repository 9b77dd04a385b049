package com.circoflows.client.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A genuine wallet token minted in test mode: pay with it once, with {@code WalletPaymentParams}. */
public final class TestWalletToken {
    private String wallet;
    private String authMethod;
    private Card card;
    /** Apple Pay's paymentData is an object, Google Pay's token a string. */
    private JsonNode paymentToken;

    private TestWalletToken() {
    }

    /** apple_pay or google_pay. */
    public String getWallet() {
        return wallet;
    }

    /** CRYPTOGRAM_3DS or PAN_ONLY. */
    public String getAuthMethod() {
        return authMethod;
    }

    /** Brand and last four digits of the card inside. */
    public Card getCard() {
        return card;
    }

    /**
     * The token as the text {@code WalletPaymentParams.applePay(...)} / {@code googlePay(...)} take: Apple
     * Pay's paymentData as JSON, Google Pay's token as given.
     */
    public String getPaymentToken() {
        if (paymentToken == null || paymentToken.isNull()) {
            return null;
        }
        return paymentToken.isTextual() ? paymentToken.asText() : paymentToken.toString();
    }

    @Override
    public String toString() {
        return "TestWalletToken[" + wallet + ", " + authMethod + ", token hidden]";
    }
}
