package com.circoflows.domain.wallet.applepay;

/**
 * A decrypted Apple Pay token: the device card number (a DPAN) with its expiry and the cryptogram to
 * authorise it with, for the amount and currency the customer approved. The text form leaves out the card
 * number, the cryptogram and the cardholder, so a payment logged by mistake leaks nothing.
 *
 * @param transactionId the header's transaction id, hexadecimal
 * @param applicationExpirationDate YYMMDD
 * @param currencyCode ISO 4217 numeric, e.g. "978"
 * @param transactionAmount in the currency's minor units
 * @param paymentDataType "3DSecure" or "EMV"
 * @param eciIndicator may be null
 * @param cardholderName may be null
 */
public record ApplePayPayment(String transactionId, String applicationPrimaryAccountNumber,
        String applicationExpirationDate, String currencyCode, long transactionAmount,
        String deviceManufacturerIdentifier, String paymentDataType, String onlinePaymentCryptogram,
        String eciIndicator, String cardholderName) {

    /** The card number's last four digits, the most of it that may be shown or logged. */
    public String last4() {
        String number = applicationPrimaryAccountNumber;
        return number == null || number.length() < 4 ? "" : number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
        return "ApplePayPayment[transactionId=" + transactionId + ", last4=" + last4() + ", paymentDataType="
                + paymentDataType + ", currencyCode=" + currencyCode + ", transactionAmount=" + transactionAmount + "]";
    }
}
