package com.circoflows.localrunner.fuzz;

import java.util.List;

/**
 * Where one try sits in the grid of a property's main choices (route, then kind of case, …), read as
 * the digits of the try number in a mixed radix: the first choice cycles fastest. So the first
 * {@code n1 × n2} tries of a property choosing among n1 routes and then n2 kinds meet every pair
 * exactly once, and each further round meets every pair again with fresh randomness for the finer
 * choices. A drawn-at-random choice would leave a few pairs out of most runs.
 */
final class Strata {
    private long remaining;

    Strata(long tryNumber) {
        this.remaining = tryNumber;
    }

    /** The next digit: 0 to {@code choices - 1}. */
    int choose(int choices) {
        if (choices < 1) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        int digit = (int) (remaining % choices);
        remaining /= choices;
        return digit;
    }

    <T> T choose(List<T> values) {
        return values.get(choose(values.size()));
    }
}
