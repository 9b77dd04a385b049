package com.circoflows.domain.wallet;

import java.util.Objects;

/**
 * The one-time cryptogram a device token is authorised with, and its ECI. Like a CVV it is handed to the
 * gateway and then forgotten: never stored, never logged, and its toString shows nothing of it.
 *
 * @param eci the electronic commerce indicator, or null when the wallet gives none
 */
public record DeviceCryptogram(String value, String eci) {

    public DeviceCryptogram {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a cryptogram must not be blank");
        }
    }

    @Override
    public String toString() {
        return "DeviceCryptogram[hidden]";
    }
}
