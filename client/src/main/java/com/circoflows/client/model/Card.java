package com.circoflows.client.model;

/** What a payment shows of its card: never the number, only brand, last four digits and expiry. */
public final class Card {
    private String brand;
    private String last4;
    private Integer expMonth;
    private Integer expYear;

    private Card() {
    }

    public String getBrand() {
        return brand;
    }

    public String getLast4() {
        return last4;
    }

    public Integer getExpMonth() {
        return expMonth;
    }

    public Integer getExpYear() {
        return expYear;
    }
}
