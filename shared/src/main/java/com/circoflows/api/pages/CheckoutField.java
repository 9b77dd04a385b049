package com.circoflows.api.pages;

/** The payment form's fields, in the order the page shows them (and lists their errors). */
enum CheckoutField {
    EMAIL("email", "Email"),
    CARD_NUMBER("card_number", "Card number"),
    EXPIRY("expiry", "Expiry date"),
    CVC("cvc", "Security code"),
    CARDHOLDER_NAME("cardholder_name", "Name on card");

    private final String id;
    private final String label;

    CheckoutField(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The input's name and id. */
    String id() {
        return id;
    }

    String label() {
        return label;
    }

    String errorId() {
        return id + "-error";
    }
}
