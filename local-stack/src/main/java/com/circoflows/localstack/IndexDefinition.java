package com.circoflows.localstack;

import java.util.List;
import java.util.Objects;

/**
 * A global secondary index of a {@link TableDefinition}.
 *
 * @param rangeKey         null for a hash-only index
 * @param projectionType   ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes the projected attributes when the projection is INCLUDE, else empty
 */
public record IndexDefinition(
        String name,
        String hashKey,
        String rangeKey,
        String projectionType,
        List<String> nonKeyAttributes) {

    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hashKey, "hashKey");
        Objects.requireNonNull(projectionType, "projectionType");
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }
}
