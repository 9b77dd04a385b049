package com.circoflows.client.model;

/**
 * Test mode only: which genuine Apple Pay or Google Pay token to mint, for which test card. The card
 * number is only written into the request body; no getter returns it and {@link #toString()} hides it.
 */
public final class TestWalletTokenParams {
    private final String wallet;
    private final String cardNumber;
    private final String authMethod;
    private final String expiryMonth;
    private final String expiryYear;
    private final Long amount;
    private final String currency;

    private TestWalletTokenParams(Builder b) {
        wallet = b.wallet;
        cardNumber = b.cardNumber;
        authMethod = b.authMethod;
        expiryMonth = b.expiryMonth;
        expiryYear = b.expiryYear;
        amount = b.amount;
        currency = b.currency;
    }

    public static Builder applePay(String cardNumber) {
        return new Builder("apple_pay", cardNumber);
    }

    public static Builder googlePay(String cardNumber) {
        return new Builder("google_pay", cardNumber);
    }

    public String getWallet() {
        return wallet;
    }

    @Override
    public String toString() {
        return "TestWalletTokenParams[" + wallet + ", card hidden]";
    }

    public static final class Builder {
        private final String wallet;
        private final String cardNumber;
        private String authMethod;
        private String expiryMonth;
        private String expiryYear;
        private Long amount;
        private String currency;

        private Builder(String wallet, String cardNumber) {
            if (cardNumber == null || cardNumber.isEmpty()) {
                throw new IllegalArgumentException("a card number is required");
            }
            this.wallet = wallet;
            this.cardNumber = cardNumber;
        }

        /** Google Pay: a card on file (PAN_ONLY, 3-D Secure like a typed card) instead of a device token. */
        public Builder panOnly() {
            authMethod = "PAN_ONLY";
            return this;
        }

        /** The device card's expiry; default 3 years ahead (a past one is allowed, to try expired_card). */
        public Builder expiry(int month, int year) {
            expiryMonth = Integer.toString(month);
            expiryYear = Integer.toString(year);
            return this;
        }

        /** What Apple Pay's sheet showed (written into its token); default 1000 USD. */
        public Builder amount(long value, String currencyCode) {
            amount = value;
            currency = currencyCode;
            return this;
        }

        public TestWalletTokenParams build() {
            return new TestWalletTokenParams(this);
        }
    }
}
