package com.circoflows.domain.payment;

import java.time.Instant;

/**
 * What GET /api/direct-payment narrows a merchant's transactions to; every part is optional (null).
 * Created times are a half-open range: {@code createdFrom} inclusive, {@code createdTo} exclusive, so
 * consecutive ranges never show a payment twice. At most one of a session and a metadata pair: each is
 * served by its own set of search entries, and reading two sets to intersect them has no bound.
 */
public record TransactionFilter(
        TransactionStatus status,
        Instant createdFrom,
        Instant createdTo,
        String sessionId,
        MetadataPair metadata) {

    /** One {@code metadata[key]=value}; the value as the transaction's metadata shows it, as text. */
    public record MetadataPair(String key, String value) {
    }

    public static TransactionFilter none() {
        return new TransactionFilter(null, null, null, null, null);
    }

    /** Whether the filter names a search-entry set (a session or a metadata pair) rather than an index. */
    public boolean searchesEntries() {
        return sessionId != null || metadata != null;
    }

    /** Whether {@code t} passes every part of this filter: the in-memory check after a read. */
    public boolean matches(Transaction t) {
        return (status == null || t.status() == status)
                && (createdFrom == null || !t.createdAt().isBefore(createdFrom))
                && (createdTo == null || t.createdAt().isBefore(createdTo))
                && (sessionId == null || sessionId.equals(t.sessionId()))
                && (metadata == null || t.metadata().containsKey(metadata.key())
                        && metadata.value().equals(String.valueOf(t.metadata().get(metadata.key()))));
    }

    /** A text naming every part, for binding a cursor to the filter it was made under. */
    public String canonical() {
        return String.join("\u0000", String.valueOf(status), String.valueOf(createdFrom), String.valueOf(createdTo),
                String.valueOf(sessionId), metadata == null ? "null" : metadata.key() + "\u0000" + metadata.value());
    }
}
