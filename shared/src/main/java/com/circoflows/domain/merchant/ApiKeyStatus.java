package com.circoflows.domain.merchant;

public enum ApiKeyStatus {
    ACTIVE("active"),
    REVOKED("revoked");

    private final String wireName;

    ApiKeyStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ApiKeyStatus fromWireName(String value) {
        for (ApiKeyStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown api key status " + value);
    }
}
