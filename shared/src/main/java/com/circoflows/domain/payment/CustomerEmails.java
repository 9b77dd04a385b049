package com.circoflows.domain.payment;

import java.util.Locale;

/**
 * How a customer email is compared when payments are searched by it: case-insensitively, as mail
 * providers treat addresses in practice. Both the stored search entry and the query are this form.
 */
public final class CustomerEmails {
    private CustomerEmails() {
    }

    /** Lower case (locale-independent), surrounding whitespace removed; null for no usable address. */
    public static String normalized(Object email) {
        if (!(email instanceof String text) || text.isBlank()) {
            return null;
        }
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** The normalized email of a transaction's customer_info, or null. */
    public static String of(Transaction t) {
        return normalized(t.customerInfo().get("email"));
    }
}
