package com.circoflows.domain.session;

/**
 * The customer chose to pay a session by bank transfer.
 *
 * @param payerName the name on the account the customer pays from, as typed on the page; null or blank when
 *                  the session's customer_info has a name, which is used then
 */
public record TransferCheckoutForm(String payerName) {
}
