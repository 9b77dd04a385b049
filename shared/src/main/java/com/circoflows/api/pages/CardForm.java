package com.circoflows.api.pages;

import com.circoflows.api.InboundText;
import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.card.CardSecurityCode;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.session.CheckoutForm;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks the posted payment form, every field at once, so the customer sees all that is
 * wrong after one submit. Card checks are the domain's own ({@link CardDetails#validate} and the parsers
 * it uses), with their errors as the {@link Text} the customer reads, in the page's language. The result never holds the
 * card number or security code as text: only inside the {@link CheckoutForm}, whose toString masks them.
 */
final class CardForm {
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EXPIRY_WITH_SLASH = Pattern.compile("^(\\d{1,2})/(\\d{2}|\\d{4})$");
    private static final Pattern EXPIRY_DIGITS = Pattern.compile("^(\\d{2})(\\d{2}|\\d{4})$");
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+\\.[^\\s@<>()\\[\\],;:\".]{2,}$");

    static final Text ENTER_EMAIL = Text.ENTER_EMAIL;
    static final Text INVALID_EMAIL = Text.INVALID_EMAIL;
    static final Text ENTER_CARD_NUMBER = Text.ENTER_CARD_NUMBER;
    static final Text INCOMPLETE_CARD_NUMBER = Text.INCOMPLETE_CARD_NUMBER;
    static final Text INVALID_CARD_NUMBER = Text.INVALID_CARD_NUMBER;
    static final Text ENTER_EXPIRY = Text.ENTER_EXPIRY;
    static final Text INVALID_EXPIRY = Text.INVALID_EXPIRY;
    static final Text EXPIRED = Text.EXPIRED;
    static final Text ENTER_CVC = Text.ENTER_CVC;
    static final Text INVALID_CVC = Text.INVALID_CVC;
    static final Text INVALID_AMEX_CVC = Text.INVALID_AMEX_CVC;
    static final Text ENTER_NAME = Text.ENTER_NAME;
    static final Text NAME_TOO_LONG = Text.NAME_TOO_LONG;

    private CardForm() {
    }

    /**
     * What was submitted: either a {@link CheckoutForm} ready to pay, or the errors per field. The name,
     * email and (when valid) expiry are kept to fill the form in again; the card number and code never are.
     */
    record Submission(CheckoutForm form, Map<CheckoutField, Text> errors, String cardholderName, String email,
            String expiry) {
        boolean valid() {
            return form != null;
        }
    }

    static Submission read(Map<String, String> fields, Clock clock) {
        Map<CheckoutField, Text> errors = new EnumMap<>(CheckoutField.class);
        String email = trimmed(fields.get(CheckoutField.EMAIL.id()));
        String name = trimmed(fields.get(CheckoutField.CARDHOLDER_NAME.id()));
        String number = trimmed(fields.get(CheckoutField.CARD_NUMBER.id()));
        String expiryText = trimmed(fields.get(CheckoutField.EXPIRY.id()));
        String cvc = trimmed(fields.get(CheckoutField.CVC.id()));

        checkEmail(email).ifPresent(message -> errors.put(CheckoutField.EMAIL, message));
        checkName(name).ifPresent(message -> errors.put(CheckoutField.CARDHOLDER_NAME, message));

        YearMonth currentMonth = YearMonth.now(clock);
        CardBrand brand = CardBrand.detect(digitsOf(number));
        if (number.isEmpty()) {
            errors.put(CheckoutField.CARD_NUMBER, ENTER_CARD_NUMBER);
        } else {
            try {
                brand = CardNumber.parse(number).brand();
            } catch (ApiException e) {
                errors.put(CheckoutField.CARD_NUMBER, cardNumberMessage(number));
            }
        }
        String[] expiry = splitExpiry(expiryText);
        if (expiryText.isEmpty()) {
            errors.put(CheckoutField.EXPIRY, ENTER_EXPIRY);
        } else if (expiry == null) {
            errors.put(CheckoutField.EXPIRY, INVALID_EXPIRY);
        } else {
            try {
                CardExpiry.parse(expiry[0], expiry[1], currentMonth).requireNotExpiredAt(currentMonth);
            } catch (ApiException e) {
                errors.put(CheckoutField.EXPIRY, message(e, brand));
            }
        }
        if (cvc.isEmpty()) {
            errors.put(CheckoutField.CVC, ENTER_CVC);
        } else {
            try {
                CardSecurityCode.parse(cvc, brand);
            } catch (ApiException e) {
                errors.put(CheckoutField.CVC, message(e, brand));
            }
        }

        String refillExpiry = errors.containsKey(CheckoutField.EXPIRY) ? "" : expiryText;
        // A card number pasted into the wrong field (or text that is not valid Unicode) is never shown again.
        String refillName = InboundText.acceptable(name) ? name : "";
        String refillEmail = InboundText.acceptable(email) ? email : "";
        if (!errors.isEmpty()) {
            return new Submission(null, Collections.unmodifiableMap(errors), refillName, refillEmail, refillExpiry);
        }
        try {
            CardDetails card = CardDetails.validate(number, expiry[0], expiry[1], cvc, clock);
            return new Submission(new CheckoutForm(card, name, email), Map.of(), refillName, refillEmail, refillExpiry);
        } catch (ApiException e) {
            // The field checks above are the same ones; kept so a future rule in validate() still lands on a field.
            errors.put(fieldOf(e), message(e, brand));
            return new Submission(null, Collections.unmodifiableMap(errors), refillName, refillEmail, "");
        }
    }

    /** The form field an error from {@link CardDetails#validate} belongs to. */
    static CheckoutField fieldOf(ApiException e) {
        String param = e.param() == null ? "" : e.param();
        return switch (param) {
            case "expiry_month", "expiry_year" -> CheckoutField.EXPIRY;
            case "cvv" -> CheckoutField.CVC;
            default -> CheckoutField.CARD_NUMBER;
        };
    }

    /** The customer's words for an error from the card checks, by its param and code. */
    static Text message(ApiException e, CardBrand brand) {
        return switch (fieldOf(e)) {
            case EXPIRY -> e.code() == ErrorCode.EXPIRED_CARD ? EXPIRED : INVALID_EXPIRY;
            case CVC -> brand.securityCodeLength() == 4 ? INVALID_AMEX_CVC : INVALID_CVC;
            default -> INVALID_CARD_NUMBER;
        };
    }

    /** "12 / 30", "12/30", "1/2030", "1230": month and year as the card checks take them, or null. */
    static String[] splitExpiry(String text) {
        String compact = text.replace(" ", "");
        Matcher slash = EXPIRY_WITH_SLASH.matcher(compact);
        if (slash.matches()) {
            return new String[] {slash.group(1), slash.group(2)};
        }
        Matcher digits = EXPIRY_DIGITS.matcher(compact);
        if (digits.matches()) {
            return new String[] {digits.group(1), digits.group(2)};
        }
        return null;
    }

    private static Text cardNumberMessage(String number) {
        String digits = digitsOf(number);
        boolean onlyDigitsAndSeparators = number.chars().allMatch(c -> c == ' ' || c == '-' || (c >= '0' && c <= '9'));
        return onlyDigitsAndSeparators && digits.length() < 12 ? INCOMPLETE_CARD_NUMBER : INVALID_CARD_NUMBER;
    }

    private static Optional<Text> checkEmail(String email) {
        if (email.isEmpty()) {
            return Optional.of(ENTER_EMAIL);
        }
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()
                || !InboundText.acceptable(email)) {
            return Optional.of(INVALID_EMAIL);
        }
        return Optional.empty();
    }

    private static Optional<Text> checkName(String name) {
        if (name.isEmpty() || !InboundText.acceptable(name)
                || name.chars().anyMatch(Character::isISOControl)) {
            // A card number typed into the name field is treated as no name: it is never kept or shown.
            return Optional.of(ENTER_NAME);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of(NAME_TOO_LONG);
        }
        return Optional.empty();
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private static String digitsOf(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
