package com.circoflows.adapters;

import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.testing.TestAmounts;
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.card.CardFingerprinter;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.risk.RiskAssessment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real domain objects for adapter tests: a card that went through validation, transactions, ids. */
public final class AdapterTestData {
    public static final String PAN = "4242424242424242";
    public static final String CVV = "123";
    /** Millisecond precision: what the sortable time attributes keep. */
    public static final Instant CREATED_AT = Instant.parse("2025-07-23T07:11:23.456Z");
    public static final Instant PROCESSED_AT = Instant.parse("2025-07-23T07:11:24.789Z");
    public static final Clock CLOCK = Clock.fixed(CREATED_AT, ZoneOffset.UTC);

    private AdapterTestData() {
    }

    public static CardDetails cardDetails() {
        return CardDetails.validate(PAN, "12", "2030", CVV, CLOCK);
    }

    public static StoredCard storedCard() {
        return StoredCard.from(cardDetails(), new CardFingerprinter(new byte[32]));
    }

    public static String merchantId() {
        return RandomIds.withPrefix("mch_", 20);
    }

    public static String transactionId() {
        return RandomIds.withPrefix("txn_", 24);
    }

    public static String gatewayId() {
        return RandomIds.withPrefix("gw_", 24);
    }

    /** Nested as the request parser builds it: strings, and an address map. */
    public static Map<String, Object> customerInfo() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", "1 Main St");
        address.put("line2", "");
        address.put("city", "Springfield");
        address.put("postal_code", "12345");
        address.put("country", "US");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", "Ada Lovelace");
        info.put("email", "ada@example.com");
        info.put("phone", "+1 555 0100");
        info.put("address", address);
        return info;
    }

    /** Metadata values as the parser yields them: strings, longs, booleans. */
    public static Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("order_id", "ord_42");
        metadata.put("items", 3L);
        metadata.put("big", 9_007_199_254_740_993L);
        metadata.put("negative", -7L);
        metadata.put("gift", true);
        metadata.put("note", "ünïcödé ✓");
        return metadata;
    }

    /** A completed payment with every optional field set. */
    public static Transaction completed(String merchantId) {
        return new Transaction(transactionId(), merchantId, Mode.TEST, TransactionStatus.COMPLETED,
                TestAmounts.of(TransactionStatus.COMPLETED, 1999, "USD"), CaptureMethod.AUTOMATIC, gatewayId(),
                storedCard(), ThreeDSecureStatus.NOT_REQUIRED, null, new PaymentDetails(customerInfo(), metadata(),
                "https://merchant.example.com/webhooks", "https://merchant.example.com/return?order=42", null),
                new RiskAssessment(12, List.of("card_velocity"), false), CREATED_AT, PROCESSED_AT, 1);
    }

    /** A payment waiting for the customer's 3-D Secure challenge: pending, no processed time. */
    public static Transaction awaitingChallenge(String merchantId) {
        return new Transaction(transactionId(), merchantId, Mode.TEST, TransactionStatus.PENDING,
                TestAmounts.of(TransactionStatus.PENDING, 5000, "EUR"), CaptureMethod.AUTOMATIC, gatewayId(),
                storedCard(), ThreeDSecureStatus.REQUIRED, null, new PaymentDetails(Map.of(), Map.of(), null, null,
                null), null, CREATED_AT, null, 1);
    }
}
