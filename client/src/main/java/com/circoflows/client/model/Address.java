package com.circoflows.client.model;

/** A postal address, in a request's or a payment's {@code customer_info}. */
public final class Address {
    private String line1;
    private String line2;
    private String city;
    private String state;
    private String postalCode;
    /** ISO 3166-1 alpha-2. */
    private String country;

    private Address() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getLine1() {
        return line1;
    }

    public String getLine2() {
        return line2;
    }

    public String getCity() {
        return city;
    }

    public String getState() {
        return state;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCountry() {
        return country;
    }

    public static final class Builder {
        private final Address address = new Address();

        private Builder() {
        }

        public Builder line1(String value) {
            address.line1 = value;
            return this;
        }

        public Builder line2(String value) {
            address.line2 = value;
            return this;
        }

        public Builder city(String value) {
            address.city = value;
            return this;
        }

        public Builder state(String value) {
            address.state = value;
            return this;
        }

        public Builder postalCode(String value) {
            address.postalCode = value;
            return this;
        }

        public Builder country(String value) {
            address.country = value;
            return this;
        }

        public Address build() {
            Address copy = new Address();
            copy.line1 = address.line1;
            copy.line2 = address.line2;
            copy.city = address.city;
            copy.state = address.state;
            copy.postalCode = address.postalCode;
            copy.country = address.country;
            return copy;
        }
    }
}
