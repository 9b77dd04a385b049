package com.circoflows.domain.payment;

import com.circoflows.domain.card.CardFingerprinter;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayAuthorization;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.risk.FraudScreen;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Charging a card: fraud screen, gateway, then one atomic write of the transaction and its event. */
public final class DirectPaymentService {
    private final CardGateway gateway;
    private final FraudScreen fraudScreen;
    private final CardFingerprinter fingerprinter;
    private final TransactionWriter writer;
    private final Clock clock;

    public DirectPaymentService(CardGateway gateway, FraudScreen fraudScreen, CardFingerprinter fingerprinter,
            TransactionWriter writer, Clock clock) {
        this.gateway = gateway;
        this.fraudScreen = fraudScreen;
        this.fingerprinter = fingerprinter;
        this.writer = writer;
        this.clock = clock;
    }

    public PaymentOutcome pay(AuthenticatedKey caller, DirectPaymentRequest request) {
        if (caller.mode() == Mode.LIVE) {
            throw new ApiException(ErrorCode.LIVE_MODE_NOT_ENABLED);
        }
        String transactionId = RandomIds.withPrefix("txn_", 24);
        Instant now = clock.instant();
        StoredCard card = StoredCard.from(request.card(), fingerprinter);
        Draft draft = new Draft(transactionId, caller, request, card, now);

        Optional<PaymentFailure> blocked = fraudScreen.screen(request.card());
        if (blocked.isPresent()) {
            // Blocked before the gateway: there is no gateway transaction to name.
            return writer.insert(draft.failed(null, blocked.get()));
        }
        GatewayResult result = gateway.authorize(new GatewayAuthorization(transactionId, request.amount(), request.card()));
        return writer.insert(draft.settle(result));
    }

    private record Draft(String transactionId, AuthenticatedKey caller, DirectPaymentRequest request,
            StoredCard card, Instant now) {

        Transaction settle(GatewayResult result) {
            String gatewayId = result.gatewayTransactionId();
            if (result instanceof GatewayResult.Approved) {
                return completed(gatewayId);
            }
            if (result instanceof GatewayResult.ThreeDSecureRequired) {
                return awaitingChallenge(gatewayId);
            }
            if (result instanceof GatewayResult.Declined declined) {
                return failed(gatewayId, new PaymentFailure(declined.code(), declined.message(), declined.declineCode()));
            }
            GatewayResult.ProcessingError error = (GatewayResult.ProcessingError) result;
            return failed(gatewayId, new PaymentFailure(ErrorCode.PROCESSING_ERROR, error.message(), null));
        }

        Transaction completed(String gatewayId) {
            return build(TransactionStatus.COMPLETED, gatewayId, ThreeDSecureStatus.NOT_REQUIRED, null, now);
        }

        Transaction awaitingChallenge(String gatewayId) {
            return build(TransactionStatus.PENDING, gatewayId, ThreeDSecureStatus.REQUIRED, null, null);
        }

        Transaction failed(String gatewayId, PaymentFailure failure) {
            return build(TransactionStatus.FAILED, gatewayId, ThreeDSecureStatus.NOT_REQUIRED, failure, now);
        }

        private Transaction build(TransactionStatus status, String gatewayId, ThreeDSecureStatus challenge,
                PaymentFailure failure, Instant processedAt) {
            return new Transaction(transactionId, caller.merchantId(), caller.mode(),
                    request.amount().minorUnits(), request.amount().currencyCode(), status, gatewayId, card,
                    challenge, failure, request.customerInfo(), request.metadata(), request.webhookUrl(),
                    request.returnUrl(), now, processedAt, 1);
        }
    }
}
