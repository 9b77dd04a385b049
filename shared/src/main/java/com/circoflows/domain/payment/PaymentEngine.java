package com.circoflows.domain.payment;

import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.card.CardFingerprinter;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayAuthorization;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.risk.FraudScreen;
import com.circoflows.domain.risk.RiskAssessment;
import com.circoflows.domain.risk.RiskAttempt;
import com.circoflows.domain.wallet.DeviceCryptogram;
import com.circoflows.domain.wallet.Wallet;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The one place a card is charged: live-mode refusal, fraud screen, gateway authorisation, and the
 * transaction that records the answer. It stores nothing: direct payments write the transaction with
 * {@link TransactionWriter}, hosted sessions together with the session's change, each in one atomic
 * write. The gateway is given our transaction id, which a real processor uses as its idempotency key.
 */
public final class PaymentEngine {
    /** What a payment the fraud screen blocked fails with: the customer learns no more than "declined". */
    private static final PaymentFailure BLOCKED_BY_FRAUD_SCREEN =
            new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "fraudulent");

    private final CardGateway gateway;
    private final FraudScreen fraudScreen;
    private final CardFingerprinter fingerprinter;
    private final Clock clock;

    public PaymentEngine(CardGateway gateway, FraudScreen fraudScreen, CardFingerprinter fingerprinter, Clock clock) {
        this.gateway = gateway;
        this.fraudScreen = fraudScreen;
        this.fingerprinter = fingerprinter;
        this.clock = clock;
    }

    public static final String TRANSACTION_ID_PREFIX = "txn_";

    /** A new transaction id, for callers that must record it before the card is charged. */
    public static String newTransactionId() {
        return RandomIds.withPrefix(TRANSACTION_ID_PREFIX, 24);
    }

    /**
     * Decides the charge and returns the transaction, version 1, not yet stored: completed, failed
     * (declined, blocked or a processing error), pending 3-D Secure, or authorized when captured manually.
     *
     * @throws ApiException live_mode_not_enabled for a live-mode charge; nothing reached the gateway
     * @throws com.circoflows.domain.error.RetryableFailure the fraud screen could not be run; nothing
     *         reached the gateway
     */
    public Transaction charge(Charge charge) {
        if (charge.mode() == Mode.LIVE) {
            throw new ApiException(ErrorCode.LIVE_MODE_NOT_ENABLED);
        }
        Instant now = clock.instant();
        StoredCard card = StoredCard.from(charge.card(), fingerprinter, charge.wallet());
        RiskAttempt attempt = new RiskAttempt(charge.merchantId(), charge.mode(), charge.amount(), card.fingerprint(),
                now, charge.sessionId() != null);
        RiskAssessment risk = fraudScreen.screen(attempt);
        Draft draft = new Draft(charge, card, now, risk);
        if (risk.blocked()) {
            // Blocked before the gateway: there is no gateway transaction to name.
            return draft.failed(null, BLOCKED_BY_FRAUD_SCREEN);
        }
        GatewayResult result = gateway.authorize(
                new GatewayAuthorization(charge.transactionId(), charge.merchantId(), charge.mode(), charge.amount(),
                        charge.card(), charge.cryptogram()));
        if (result instanceof GatewayResult.Declined) {
            fraudScreen.issuerDeclined(attempt);
        }
        return draft.settle(result);
    }

    /**
     * One charge to decide. Holds the PAN and CVV in memory only.
     *
     * @param returnUrl where a 3-D Secure challenge sends the customer back to, or null
     * @param sessionId the hosted payment session paying, or null for a direct payment
     * @param wallet the wallet whose token carried the card, or null for a typed card
     * @param cryptogram the device token's cryptogram (CRYPTOGRAM_3DS), or null
     */
    public record Charge(
            String transactionId,
            String merchantId,
            Mode mode,
            Money amount,
            CaptureMethod captureMethod,
            CardDetails card,
            Map<String, Object> customerInfo,
            Map<String, Object> metadata,
            String webhookUrl,
            String returnUrl,
            String sessionId,
            Wallet wallet,
            DeviceCryptogram cryptogram) {

        /** A typed card's charge. */
        public Charge(String transactionId, String merchantId, Mode mode, Money amount, CaptureMethod captureMethod,
                CardDetails card, Map<String, Object> customerInfo, Map<String, Object> metadata, String webhookUrl,
                String returnUrl, String sessionId) {
            this(transactionId, merchantId, mode, amount, captureMethod, card, customerInfo, metadata, webhookUrl,
                    returnUrl, sessionId, null, null);
        }

        public Charge {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(captureMethod, "captureMethod");
            Objects.requireNonNull(card, "card");
            if (cryptogram != null && wallet == null) {
                throw new IllegalArgumentException("a cryptogram comes only in a wallet's token");
            }
        }

        @Override
        public String toString() {
            return "Charge[" + transactionId + ", " + amount.formatPlain() + ", " + card + "]";
        }
    }

    private record Draft(Charge charge, StoredCard card, Instant now, RiskAssessment risk) {

        Transaction settle(GatewayResult result) {
            String gatewayId = result.gatewayTransactionId();
            if (result instanceof GatewayResult.Approved) {
                return charge.captureMethod() == CaptureMethod.MANUAL
                        ? build(TransactionStatus.AUTHORIZED, PaymentAmounts.authorizedOnly(charge.amount()), gatewayId)
                        : build(TransactionStatus.COMPLETED, PaymentAmounts.capturedInFull(charge.amount()), gatewayId);
            }
            if (result instanceof GatewayResult.ThreeDSecureRequired) {
                return build(TransactionStatus.PENDING, gatewayId, ThreeDSecureStatus.REQUIRED, null, null);
            }
            if (result instanceof GatewayResult.Declined declined) {
                return failed(gatewayId, new PaymentFailure(declined.code(), declined.message(), declined.declineCode()));
            }
            GatewayResult.ProcessingError error = (GatewayResult.ProcessingError) result;
            return failed(gatewayId, new PaymentFailure(ErrorCode.PROCESSING_ERROR, error.message(), null));
        }

        Transaction failed(String gatewayId, PaymentFailure failure) {
            return build(TransactionStatus.FAILED, gatewayId, ThreeDSecureStatus.NOT_REQUIRED, failure, now);
        }

        private Transaction build(TransactionStatus approved, PaymentAmounts amounts, String gatewayId) {
            return build(approved, amounts, gatewayId, ThreeDSecureStatus.NOT_REQUIRED, null, now);
        }

        private Transaction build(TransactionStatus status, String gatewayId, ThreeDSecureStatus challenge,
                PaymentFailure failure, Instant processedAt) {
            return build(status, PaymentAmounts.authorizedOnly(charge.amount()), gatewayId, challenge, failure,
                    processedAt);
        }

        private Transaction build(TransactionStatus status, PaymentAmounts amounts, String gatewayId,
                ThreeDSecureStatus challenge, PaymentFailure failure, Instant processedAt) {
            PaymentDetails details = new PaymentDetails(charge.customerInfo(), charge.metadata(),
                    charge.webhookUrl(), charge.returnUrl(), charge.sessionId());
            return new Transaction(charge.transactionId(), charge.merchantId(), charge.mode(), status,
                    amounts, charge.captureMethod(), gatewayId, card,
                    challenge, failure, details, risk, now, processedAt, 1);
        }
    }
}
