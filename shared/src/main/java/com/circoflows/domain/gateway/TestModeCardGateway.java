package com.circoflows.domain.gateway;

import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.GatewayResult.Approved;
import com.circoflows.domain.gateway.GatewayResult.Declined;
import com.circoflows.domain.gateway.GatewayResult.ProcessingError;
import com.circoflows.domain.gateway.GatewayResult.ThreeDSecureRequired;

/**
 * The processor used with test API keys: no network and no money, just the documented answer for
 * each test card. Stateless, so it behaves the same in every Lambda instance.
 */
public final class TestModeCardGateway implements CardGateway {

    private final GatewayTransactionIds ids;

    public TestModeCardGateway() {
        this(new GatewayTransactionIds());
    }

    TestModeCardGateway(GatewayTransactionIds ids) {
        this.ids = ids;
    }

    @Override
    public GatewayResult authorize(GatewayAuthorization authorization) {
        String id = ids.next();
        return switch (authorization.card().number().revealDigits()) {
            case TestCards.DECLINED -> declined(id, ErrorCode.CARD_DECLINED, "generic_decline");
            case TestCards.THREE_D_SECURE_REQUIRED -> new ThreeDSecureRequired(id);
            case TestCards.INSUFFICIENT_FUNDS -> declined(id, ErrorCode.INSUFFICIENT_FUNDS, "insufficient_funds");
            case TestCards.EXPIRED_CARD -> declined(id, ErrorCode.EXPIRED_CARD, "expired_card");
            case TestCards.INCORRECT_CVC -> declined(id, ErrorCode.INVALID_CVV, "incorrect_cvc");
            case TestCards.PROCESSING_ERROR -> new ProcessingError(id, ErrorCode.PROCESSING_ERROR.defaultMessage());
            default -> new Approved(id);
        };
    }

    /**
     * Approves under the same id. Having no memory of earlier calls, it trusts that the id came from a
     * {@link ThreeDSecureRequired} answer; the caller's transaction record is what guarantees that.
     */
    @Override
    public GatewayResult completeThreeDSecure(String gatewayTransactionId) {
        if (!GatewayTransactionIds.isWellFormed(gatewayTransactionId)) {
            throw new IllegalArgumentException("Not a gateway transaction id");
        }
        return new Approved(gatewayTransactionId);
    }

    private static Declined declined(String id, ErrorCode code, String declineCode) {
        return new Declined(id, code, declineCode, code.defaultMessage());
    }
}
