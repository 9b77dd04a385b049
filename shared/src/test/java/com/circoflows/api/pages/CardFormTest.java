package com.circoflows.api.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.testing.TestClocks;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardFormTest {

    private static Map<String, String> fields(String number, String expiry, String cvc) {
        Map<String, String> fields = new HashMap<>();
        fields.put("email", "jane@example.com");
        fields.put("card_number", number);
        fields.put("expiry", expiry);
        fields.put("cvc", cvc);
        fields.put("cardholder_name", "  Jane Smith ");
        return fields;
    }

    private static CardForm.Submission read(Map<String, String> fields) {
        return CardForm.read(fields, TestClocks.fixed());
    }

    @Test
    void validFormBecomesACheckoutFormWithTheDomainsCard() {
        CardForm.Submission submission = read(fields("4242 4242 4242 4242", "12 / 30", "123"));

        assertTrue(submission.valid());
        assertEquals("4242", submission.form().card().number().last4());
        assertEquals("Jane Smith", submission.form().cardholderName());
        assertEquals("jane@example.com", submission.form().email());
        assertFalse(submission.toString().contains("4242424242424242"), submission.toString());
        assertFalse(submission.toString().contains("123"), submission.toString());
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        CardForm.Submission submission = read(Map.of());

        assertFalse(submission.valid());
        assertEquals(Map.of(
                CheckoutField.EMAIL, CardForm.ENTER_EMAIL,
                CheckoutField.CARD_NUMBER, CardForm.ENTER_CARD_NUMBER,
                CheckoutField.EXPIRY, CardForm.ENTER_EXPIRY,
                CheckoutField.CVC, CardForm.ENTER_CVC,
                CheckoutField.CARDHOLDER_NAME, CardForm.ENTER_NAME), submission.errors());
    }

    @ParameterizedTest
    @CsvSource({"4242 4242 4242 4241", "4242-4242-4242-4242x", "abcd", "4242424242424242424242"})
    void invalidCardNumberIsACardNumberError(String number) {
        assertEquals(Map.of(CheckoutField.CARD_NUMBER, CardForm.INVALID_CARD_NUMBER),
                read(fields(number, "12/30", "123")).errors());
    }

    @Test
    void shortCardNumberIsIncomplete() {
        assertEquals(Map.of(CheckoutField.CARD_NUMBER, CardForm.INCOMPLETE_CARD_NUMBER),
                read(fields("4242 4242", "12/30", "123")).errors());
    }

    @ParameterizedTest
    @CsvSource({"12 / 30,12,30", "12/30,12,30", "1/2030,1,2030", "1230,12,30", "122030,12,2030", " 07 /  31 ,07,31"})
    void expiryIsReadInTheShapesPeopleAndAutofillType(String text, String month, String year) {
        assertArrayEquals(new String[] {month, year}, CardForm.splitExpiry(text.strip()));
        assertTrue(read(fields("4242424242424242", text, "123")).valid(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"13/30", "00/30", "12", "12/3", "1a/30", "12/30/1", "12/2099"})
    void impossibleExpiryIsAnExpiryError(String text) {
        assertEquals(Map.of(CheckoutField.EXPIRY, CardForm.INVALID_EXPIRY),
                read(fields("4242424242424242", text, "123")).errors());
    }

    @Test
    void pastExpiryIsExpiredButThisMonthIsFine() {
        // The test clock is November 2026.
        assertEquals(Map.of(CheckoutField.EXPIRY, CardForm.EXPIRED),
                read(fields("4242424242424242", "10/26", "123")).errors());
        assertTrue(read(fields("4242424242424242", "11/26", "123")).valid());
    }

    @Test
    void amexNeedsFourDigitsAndOthersThree() {
        assertEquals(Map.of(CheckoutField.CVC, CardForm.INVALID_AMEX_CVC),
                read(fields("3782 822463 10005", "12/30", "123")).errors());
        assertTrue(read(fields("3782 822463 10005", "12/30", "1234")).valid());
        assertEquals(Map.of(CheckoutField.CVC, CardForm.INVALID_CVC),
                read(fields("4242424242424242", "12/30", "1234")).errors());
    }

    @Test
    void validationErrorsFromTheDomainLandOnTheRightField() {
        assertEquals(CheckoutField.CARD_NUMBER, CardForm.fieldOf(new ApiException(ErrorCode.INVALID_CARD, "x",
                "card_number", null)));
        assertEquals(CheckoutField.EXPIRY, CardForm.fieldOf(ApiException.invalidParam("expiry_month", "x")));
        assertEquals(CheckoutField.EXPIRY, CardForm.fieldOf(ApiException.invalidParam("expiry_year", "x")));
        assertEquals(CheckoutField.CVC, CardForm.fieldOf(new ApiException(ErrorCode.INVALID_CVV, "x", "cvv", null)));
        assertEquals(CardForm.EXPIRED, CardForm.message(new ApiException(ErrorCode.EXPIRED_CARD, "x", "expiry_year",
                "expired_card"), CardBrand.VISA));
    }

    @Test
    void emailAndNameAreCheckedAndKeptForTheNextTry() {
        Map<String, String> fields = fields("4242424242424242", "12/30", "123");
        fields.put("email", "jane@example");
        fields.put("cardholder_name", "x".repeat(101));

        CardForm.Submission submission = read(fields);

        assertEquals(Map.of(CheckoutField.EMAIL, CardForm.INVALID_EMAIL, CheckoutField.CARDHOLDER_NAME,
                CardForm.NAME_TOO_LONG), submission.errors());
        assertEquals("jane@example", submission.email());
        assertEquals("12/30", submission.expiry());
    }

    @Test
    void cardNumberInTheNameOrEmailIsNeitherAcceptedNorKept() {
        Map<String, String> fields = fields("4242424242424242", "12/30", "123");
        fields.put("cardholder_name", "4242 4242 4242 4242");
        fields.put("email", "4242424242424242@example.com");

        CardForm.Submission submission = read(fields);

        assertEquals(CardForm.ENTER_NAME, submission.errors().get(CheckoutField.CARDHOLDER_NAME));
        assertEquals(CardForm.INVALID_EMAIL, submission.errors().get(CheckoutField.EMAIL));
        assertEquals("", submission.cardholderName());
        assertEquals("", submission.email());
        assertNull(submission.form());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"4242.4242.4242.4242 | 4242_4242_4242_4242@example.com",
        "Jane 4242/4242/4242/4242 | jane+4242.4242.4242.4242@example.com", "4242  4242  4242  4242 | j@4242-4242-4242-4242.com",
        "Jane \ud800 | jane\ufffd@example.com"})
    void aCardNumberHoweverWrittenOrInvalidTextInTheNameOrEmailIsNeitherAcceptedNorKept(String name, String email) {
        Map<String, String> fields = fields("4242424242424242", "12/30", "123");
        fields.put("cardholder_name", name);
        fields.put("email", email);

        CardForm.Submission submission = read(fields);

        assertEquals(CardForm.ENTER_NAME, submission.errors().get(CheckoutField.CARDHOLDER_NAME), name);
        assertEquals(CardForm.INVALID_EMAIL, submission.errors().get(CheckoutField.EMAIL), email);
        assertEquals("", submission.cardholderName());
        assertEquals("", submission.email());
    }
}
