package com.circoflows.benchmarks.micro;

import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentAmounts;
import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.risk.RiskAssessment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The payment of events/direct-payment-create/success.json, as request body and as completed transaction. */
public final class SamplePayment {
    /** The sample event's body: card, customer and metadata, as a typical merchant sends it. */
    public static final String REQUEST_BODY = "{\"amount\": 1000, \"currency\": \"USD\", \"payment_method\": \"card\","
            + " \"card_number\": \"4242424242424242\", \"expiry_month\": \"12\", \"expiry_year\": \"2030\","
            + " \"cvv\": \"123\", \"customer_info\": {\"name\": \"John Doe\", \"email\": \"john@example.com\"},"
            + " \"metadata\": {\"order_id\": \"ORDER-123\"}}";
    public static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private SamplePayment() {
    }

    /** The completed transaction that request becomes (no PAN: brand, last 4 and a fingerprint only). */
    public static Transaction completed() {
        StoredCard stored = new StoredCard(CardBrand.VISA, "4242", 12, 2030, "fp_0123456789abcdef0123456789abcdef");
        PaymentDetails details = new PaymentDetails(Map.of("name", "John Doe", "email", "john@example.com"),
                Map.of("order_id", "ORDER-123"), null, null, null);
        return new Transaction("txn_Benchmark00000000000000", "mch_Benchmark00000000000", Mode.TEST,
                TransactionStatus.COMPLETED, PaymentAmounts.capturedInFull(Money.of(1000, "USD")),
                CaptureMethod.AUTOMATIC, "gw_Benchmark00000000000000", stored, ThreeDSecureStatus.NOT_REQUIRED, null,
                details, new RiskAssessment(0, List.of(), false), NOW, NOW, 1);
    }

    public static PaymentOutcome outcome() {
        return new PaymentOutcome(completed(), true);
    }
}
