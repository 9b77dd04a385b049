package com.circoflows.api.pages;

import com.circoflows.api.InboundText;
import com.circoflows.domain.session.TransferCheckoutForm;
import java.util.Map;

/**
 * Reads the posted "Pay by bank transfer" form: which method was chosen, and the account holder's name when
 * the session's customer_info has none (a bank transfer names its payer). The name is checked as the card
 * form checks the cardholder's, and a card number typed into it is never kept or shown.
 */
final class TransferForm {
    static final String METHOD_FIELD = "payment_method";
    static final String BANK_TRANSFER = "bank_transfer";
    static final int MAX_NAME_LENGTH = CardForm.MAX_NAME_LENGTH;

    private TransferForm() {
    }

    /** The submitted form is the bank-transfer one (the card form has no payment_method). */
    static boolean chosen(Map<String, String> fields) {
        return BANK_TRANSFER.equals(fields.get(METHOD_FIELD));
    }

    /** Either a form ready to open the transfer, or the name's error, with the name to fill in again. */
    record Submission(TransferCheckoutForm form, Map<CheckoutField, Text> errors, String payerName) {
        boolean valid() {
            return form != null;
        }
    }

    /** @param nameNeeded the session has no customer name, so the form asked for one */
    static Submission read(Map<String, String> fields, boolean nameNeeded) {
        if (!nameNeeded) {
            return new Submission(new TransferCheckoutForm(null), Map.of(), "");
        }
        String name = trimmed(fields.get(CheckoutField.PAYER_NAME.id()));
        boolean readable = InboundText.acceptable(name) && name.chars().noneMatch(Character::isISOControl);
        String refill = readable ? name : "";
        if (name.isEmpty() || !readable) {
            return new Submission(null, Map.of(CheckoutField.PAYER_NAME, Text.ENTER_ACCOUNT_HOLDER), refill);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return new Submission(null, Map.of(CheckoutField.PAYER_NAME, Text.ACCOUNT_HOLDER_TOO_LONG), refill);
        }
        return new Submission(new TransferCheckoutForm(name), Map.of(), name);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
