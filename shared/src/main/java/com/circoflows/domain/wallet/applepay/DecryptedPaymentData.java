package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.TokenJson;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import java.util.regex.Pattern;

/**
 * The decrypted data of a token, read into an {@link ApplePayPayment}. Only the 3-D Secure form is opened:
 * Apple's EMV form (China) carries emvData and encryptedPINData instead of a cryptogram, which nothing here
 * can use, so it is refused as unsupported.
 */
final class DecryptedPaymentData {
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{12,19}");
    private static final Pattern YYMMDD = Pattern.compile("[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])");
    private static final Pattern NUMERIC_CURRENCY = Pattern.compile("[0-9]{3}");

    private DecryptedPaymentData() {
    }

    static ApplePayPayment read(String json, String transactionIdHex) throws InvalidPaymentToken {
        JsonObject data = TokenJson.object(json, "the decrypted data");
        String paymentDataType = TokenJson.text(data, "paymentDataType");
        if (!"3DSecure".equals(paymentDataType) && !"EMV".equals(paymentDataType)) {
            throw new InvalidPaymentToken("paymentDataType is neither 3DSecure nor EMV");
        }
        JsonObject paymentData = TokenJson.object(data.get("paymentData"), "paymentData");
        if (paymentData.get("onlinePaymentCryptogram") == null && "EMV".equals(paymentDataType)) {
            throw new InvalidPaymentToken("EMV payment data without a cryptogram is not supported");
        }
        return new ApplePayPayment(transactionIdHex,
                matching(data, "applicationPrimaryAccountNumber", CARD_NUMBER),
                matching(data, "applicationExpirationDate", YYMMDD),
                matching(data, "currencyCode", NUMERIC_CURRENCY), amount(data),
                TokenJson.text(data, "deviceManufacturerIdentifier"), paymentDataType,
                TokenJson.text(paymentData, "onlinePaymentCryptogram"),
                TokenJson.optionalText(paymentData, "eciIndicator"), TokenJson.optionalText(data, "cardholderName"));
    }

    private static String matching(JsonObject data, String name, Pattern pattern) throws InvalidPaymentToken {
        String text = TokenJson.text(data, name);
        if (!pattern.matcher(text).matches()) {
            throw new InvalidPaymentToken(name + " is not in its format");
        }
        return text;
    }

    private static long amount(JsonObject data) throws InvalidPaymentToken {
        JsonValue amount = data.get("transactionAmount");
        if (amount == null || !amount.canConvertToLong() || amount.longValue() < 0) {
            throw new InvalidPaymentToken("transactionAmount is not a whole number of minor units");
        }
        return amount.longValue();
    }
}
