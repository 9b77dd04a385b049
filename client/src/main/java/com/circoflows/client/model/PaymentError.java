package com.circoflows.client.model;

/** Why a failed payment failed: the error its attempt was answered with. */
public final class PaymentError {
    private String code;
    private String message;
    private String type;
    private String declineCode;

    private PaymentError() {
    }

    public String getCode() {
        return code;
    }

    public String getMessage() {
        return message;
    }

    public String getType() {
        return type;
    }

    public String getDeclineCode() {
        return declineCode;
    }
}
