package com.circoflows.api.pages;

/** The payment forms' fields, in the order the page shows them (and lists their errors). */
enum CheckoutField {
    EMAIL("email", Text.EMAIL),
    CARD_NUMBER("card_number", Text.CARD_NUMBER),
    EXPIRY("expiry", Text.EXPIRY_DATE),
    CVC("cvc", Text.SECURITY_CODE),
    CARDHOLDER_NAME("cardholder_name", Text.NAME_ON_CARD),
    /** On the "Pay by bank transfer" form, when the session has no customer name. */
    PAYER_NAME("payer_name", Text.ACCOUNT_HOLDER_NAME);

    private final String id;
    private final Text label;

    CheckoutField(String id, Text label) {
        this.id = id;
        this.label = label;
    }

    /** The input's name and id. */
    String id() {
        return id;
    }

    Text label() {
        return label;
    }

    String errorId() {
        return id + "-error";
    }
}
