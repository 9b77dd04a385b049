package com.circoflows.domain.gateway;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;

/**
 * Makes ids like {@code gw_4fK9zQ...}: "gw_" and 24 base62 characters, about 143 bits of
 * randomness, so ids can neither collide nor be guessed to probe other merchants' payments.
 */
final class GatewayTransactionIds {

    private static final String PREFIX = "gw_";
    private static final int RANDOM_LENGTH = 24;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Random random;

    GatewayTransactionIds() {
        this(new SecureRandom());
    }

    GatewayTransactionIds(Random random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    String next() {
        StringBuilder id = new StringBuilder(PREFIX.length() + RANDOM_LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id.toString();
    }
}
