package com.circoflows.client.model;

/** Who pays: optional on a card payment, {@code name} required on a bank transfer. */
public final class CustomerInfo {
    private String name;
    private String email;
    private String phone;
    private Address address;

    private CustomerInfo() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Address getAddress() {
        return address;
    }

    public static final class Builder {
        private String name;
        private String email;
        private String phone;
        private Address address;

        private Builder() {
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder email(String value) {
            email = value;
            return this;
        }

        public Builder phone(String value) {
            phone = value;
            return this;
        }

        public Builder address(Address value) {
            address = value;
            return this;
        }

        public CustomerInfo build() {
            CustomerInfo info = new CustomerInfo();
            info.name = name;
            info.email = email;
            info.phone = phone;
            info.address = address;
            return info;
        }
    }
}
