package com.circoflows.cli;

import com.circoflows.client.CardException;
import com.circoflows.client.CircoFlowsClient;
import com.circoflows.client.model.CardPaymentParams;
import com.circoflows.client.model.Payment;
import com.circoflows.client.model.Refund;
import com.circoflows.client.model.RefundParams;
import com.circoflows.client.model.WebhookEventSummary;
import java.io.PrintStream;
import java.time.Year;

/**
 * Makes the test-mode objects trigger needs, each through the Java client, and prints each as it is
 * made: its kind, id and status. Every request gets the client's random Idempotency-Key.
 */
final class TestObjects {
    private final CircoFlowsClient client;
    private final Money amount;
    private final PrintStream out;

    TestObjects(CircoFlowsClient client, Money amount, PrintStream out) {
        this.client = client;
        this.amount = amount;
        this.out = out;
    }

    Payment pay(String card) {
        return created(client.payments().create(card(card).build()), card);
    }

    /** Authorised only (capture_method manual): captured or canceled later. */
    Payment authorize(String card) {
        return created(client.payments().create(card(card).manualCapture().build()), card);
    }

    /** A card the test gateway declines. @return the id of the failed payment the API keeps */
    String payDeclined(String card) {
        try {
            Payment unexpected = pay(card);
            throw new IllegalStateException("the test card ending " + TestCards.last4(card) + " was not declined: "
                    + unexpected.getStatus());
        } catch (CardException declined) {
            out.println("Created payment " + declined.getTransactionId() + ": failed (" + declined.getCode()
                    + (declined.getDeclineCode() == null ? "" : ", " + declined.getDeclineCode()) + "; " + amount
                    + ", card ending " + TestCards.last4(card) + ")");
            return declined.getTransactionId();
        }
    }

    Payment cancel(Payment payment) {
        Payment canceled = client.payments().cancel(payment.getTransactionId());
        out.println("Canceled payment " + canceled.getTransactionId() + ": " + canceled.getStatus());
        return canceled;
    }

    Refund refundAll(Payment payment) {
        Refund refund = client.refunds().create(payment.getTransactionId(),
                RefundParams.builder().reason("requested_by_customer").metadata("created_by", "circoflows trigger")
                        .build());
        out.println("Created refund " + refund.getRefundId() + " of " + payment.getTransactionId() + ": "
                + refund.getStatus() + (refund.getFailureReason() == null ? "" : " (" + refund.getFailureReason() + ")")
                + "; " + new Money(refund.getAmount(), refund.getCurrency()));
        return refund;
    }

    WebhookEventSummary sendTestEvent() {
        WebhookEventSummary event = client.webhookEndpoint().sendTestEvent();
        out.println("Sent a test event to the webhook endpoint");
        return event;
    }

    private CardPaymentParams.Builder card(String card) {
        return CardPaymentParams.builder().amount(amount.minorUnits()).currency(amount.currency())
                .cardNumber(card).expiry(12, Year.now().getValue() + 3).cvv("123")
                .metadata("created_by", "circoflows trigger");
    }

    private Payment created(Payment payment, String card) {
        out.println("Created payment " + payment.getTransactionId() + ": " + payment.getStatus() + " (" + amount
                + ", card ending " + TestCards.last4(card) + ")");
        String challenge = payment.getThreeDSecureUrl();
        if (challenge != null) {
            out.println("  the customer's 3-D Secure challenge: " + challenge + " (afterwards, confirm with gateway_id "
                    + payment.getGatewayTransactionId() + ")");
        }
        return payment;
    }
}
