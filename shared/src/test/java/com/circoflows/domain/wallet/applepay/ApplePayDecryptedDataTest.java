package com.circoflows.domain.wallet.applepay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decrypted payment data: every field present and of its type, or the token is invalid. */
class ApplePayDecryptedDataTest {
    private static final String PAYMENT = ApplePayTokenRecipientTest.PAYMENT;
    private static final String ID = "ab01";

    @Test
    void aCompletePaymentIsRead() throws Exception {
        ApplePayPayment payment = DecryptedPaymentData.read(PAYMENT, ID);

        assertEquals(1250, payment.transactionAmount());
        assertEquals("978", payment.currencyCode());
        assertEquals("1111", payment.last4());
    }

    @Test
    void eachRequiredFieldMissingIsRefused() {
        for (String field : List.of("applicationPrimaryAccountNumber", "applicationExpirationDate", "currencyCode",
                "transactionAmount", "deviceManufacturerIdentifier", "paymentDataType", "paymentData",
                "onlinePaymentCryptogram")) {
            String without = PAYMENT.replace("\"" + field + "\"", "\"x" + field + "\"");
            assertThrows(InvalidPaymentToken.class, () -> DecryptedPaymentData.read(without, ID), field);
        }
    }

    @Test
    void illTypedOrMisformattedFieldsAreRefused() {
        List<String> wrong = List.of(
                PAYMENT.replace("1250", "\"1250\""), PAYMENT.replace("1250", "12.50"), PAYMENT.replace("1250", "-1"),
                PAYMENT.replace("1250", "99999999999999999999"), PAYMENT.replace("\"978\"", "\"EUR\""),
                PAYMENT.replace("\"978\"", "978"), PAYMENT.replace("4111111111111111", "4111-1111-1111-1111"),
                PAYMENT.replace("4111111111111111", "4111"), PAYMENT.replace("291231", "2912"),
                PAYMENT.replace("291231", "291331"), PAYMENT.replace("\"3DSecure\"", "\"magstripe\""),
                PAYMENT.replace("\"7\"", "7"), PAYMENT.replace("\"Ada Lovelace\"", "[]"),
                PAYMENT.replace("\"040010030273\"", "null"), "[]", "");
        for (String json : wrong) {
            assertThrows(InvalidPaymentToken.class, () -> DecryptedPaymentData.read(json, ID), json);
        }
    }

    @Test
    void emvDataWithoutACryptogramIsRefusedAsUnsupported() {
        String emv = "{\"applicationPrimaryAccountNumber\":\"6212345678901232\",\"applicationExpirationDate\":\"291231\","
                + "\"currencyCode\":\"156\",\"transactionAmount\":100,\"deviceManufacturerIdentifier\":\"040010030273\","
                + "\"paymentDataType\":\"EMV\",\"paymentData\":{\"emvData\":\"AAAA\",\"encryptedPINData\":\"BBBB\"}}";

        InvalidPaymentToken refused = assertThrows(InvalidPaymentToken.class, () -> DecryptedPaymentData.read(emv, ID));
        assertTrue(refused.getMessage().contains("not supported"), refused.getMessage());
    }
}
