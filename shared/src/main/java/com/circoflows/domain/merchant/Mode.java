package com.circoflows.domain.merchant;

/** Test keys move simulated money through the test gateway; live keys would move real money. */
public enum Mode {
    TEST("test"),
    LIVE("live");

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Mode fromWireName(String value) {
        for (Mode mode : values()) {
            if (mode.wireName.equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode " + value);
    }
}
