package com.circoflows.domain.dashboard;

import java.util.List;

/**
 * Freshly made recovery codes: {@code codes} are shown to the user once and never kept;
 * {@code storedHashes}, in the same order, are what the user's record keeps.
 */
public record IssuedRecoveryCodes(List<String> codes, List<String> storedHashes) {
    public IssuedRecoveryCodes {
        codes = List.copyOf(codes);
        storedHashes = List.copyOf(storedHashes);
        if (codes.size() != storedHashes.size()) {
            throw new IllegalArgumentException("one stored hash per code");
        }
    }

    @Override
    public String toString() {
        return "IssuedRecoveryCodes[" + codes.size() + " codes hidden]";
    }
}
