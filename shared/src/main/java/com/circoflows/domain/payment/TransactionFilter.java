package com.circoflows.domain.payment;

import java.time.Instant;

/**
 * What GET /api/direct-payment narrows a merchant's transactions to; every part is optional (null).
 * Created times are a half-open range: {@code createdFrom} inclusive, {@code createdTo} exclusive, so
 * consecutive ranges never show a payment twice. At most one of a session, a metadata pair, a card's
 * last four digits and a customer email: each is served by its own set of search entries, and reading
 * two sets to intersect them has no bound. {@code customerEmail} is {@link CustomerEmails#normalized}.
 */
public record TransactionFilter(
        TransactionStatus status,
        Instant createdFrom,
        Instant createdTo,
        String sessionId,
        MetadataPair metadata,
        String cardLast4,
        String customerEmail) {

    /** A filter without the card and email searches. */
    public TransactionFilter(TransactionStatus status, Instant createdFrom, Instant createdTo, String sessionId,
            MetadataPair metadata) {
        this(status, createdFrom, createdTo, sessionId, metadata, null, null);
    }

    /** One {@code metadata[key]=value}; the value as the transaction's metadata shows it, as text. */
    public record MetadataPair(String key, String value) {
    }

    public static TransactionFilter none() {
        return new TransactionFilter(null, null, null, null, null);
    }

    /** Whether the filter names a search-entry set (a session or a metadata pair) rather than an index. */
    public boolean searchesEntries() {
        return sessionId != null || metadata != null || cardLast4 != null || customerEmail != null;
    }

    /** Whether {@code t} passes every part of this filter: the in-memory check after a read. */
    public boolean matches(Transaction t) {
        return (status == null || t.status() == status)
                && (createdFrom == null || !t.createdAt().isBefore(createdFrom))
                && (createdTo == null || t.createdAt().isBefore(createdTo))
                && (sessionId == null || sessionId.equals(t.sessionId()))
                && (metadata == null || t.metadata().containsKey(metadata.key())
                        && metadata.value().equals(String.valueOf(t.metadata().get(metadata.key()))))
                && (cardLast4 == null || t.card() != null && cardLast4.equals(t.card().last4()))
                && (customerEmail == null || customerEmail.equals(CustomerEmails.of(t)));
    }

    /** A text naming every part, for binding a cursor to the filter it was made under. */
    public String canonical() {
        String canonical = String.join("\u0000", String.valueOf(status), String.valueOf(createdFrom),
                String.valueOf(createdTo), String.valueOf(sessionId),
                metadata == null ? "null" : metadata.key() + "\u0000" + metadata.value());
        // Appended only when present, so cursors of the filters that existed before these stay valid.
        if (cardLast4 != null) {
            canonical += "\u0000last4\u0000" + cardLast4;
        }
        if (customerEmail != null) {
            canonical += "\u0000email\u0000" + customerEmail;
        }
        return canonical;
    }
}
