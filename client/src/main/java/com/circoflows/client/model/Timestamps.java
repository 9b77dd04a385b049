package com.circoflows.client.model;

import java.time.Instant;
import java.time.OffsetDateTime;

/** The API's RFC 3339 times as instants (Java 11's Instant.parse takes no offset but Z). */
final class Timestamps {
    private Timestamps() {
    }

    static Instant parse(String value) {
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }
}
