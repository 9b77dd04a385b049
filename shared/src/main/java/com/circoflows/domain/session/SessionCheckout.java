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

    /**
     * Pays the session with a wallet's token under the same rules as {@link #pay}: the token is redeemed
     * (verified, decrypted and claimed) for the session's merchant and mode, then its device card is charged
     * through the same engine. A token that is refused (invalid, used, or its card expired) charges nothing
     * and leaves the session payable: the answer is the form again with that failure.
     *
     * @throws com.circoflows.domain.error.ApiException session_not_found; live_mode_not_enabled
     */
    CheckoutState payWithWallet(String sessionId, WalletCheckoutForm form);

    /**
     * Opens a bank-transfer payment for the session (its currency must have a transfer scheme), stored
     * with the session's change in one write, at most once however many tabs submit: a session already
     * awaiting a transfer answers that one again. The session is paid when the money arrives.
     *
     * @throws com.circoflows.domain.error.ApiException session_not_found; invalid_currency for a currency
     *     without a scheme; invalid_request for a session whose payment is only to be authorised
     *     (capture_method manual: a transfer cannot be held for a later capture) or without a payer name
     */
    CheckoutState payByBankTransfer(String sessionId, TransferCheckoutForm form);
}
