package com.circoflows.domain.session;

/**
 * What the customer-facing payment page may do with a session. There is no API key here: holding
 * the unguessable session id is the customer's only credential.
 */
public interface SessionCheckout {
    /**
     * The session as the page should show it now. A pending session past expires_at is expired. A
     * payment whose 3-D Secure challenge the customer has just passed is completed here (the page
     * is where the challenge returns to), and one whose challenge failed becomes a lastFailure.
     *
     * @throws com.circoflows.domain.error.ApiException session_not_found
     */
    CheckoutState open(String sessionId);

    /**
     * Charges the card for the session through the same payment engine as direct payments, at
     * most once however many tabs submit at the same moment.
     *
     * @throws com.circoflows.domain.error.ApiException session_not_found
     */
    CheckoutState pay(String sessionId, CheckoutForm form);
}
