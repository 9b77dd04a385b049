package com.circoflows.domain.gateway;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.ErrorType;
import java.util.Objects;

/** What the processor answered. Every answer carries its id, which we show the merchant and keep. */
public sealed interface GatewayResult {

    String gatewayTransactionId();

    record Approved(String gatewayTransactionId) implements GatewayResult {
        public Approved {
            requireId(gatewayTransactionId);
        }
    }

    /**
     * The issuer said no. Final: retrying the same card will not help.
     *
     * @param code a {@code card_error} code such as {@code card_declined} or {@code insufficient_funds}
     * @param declineCode the issuer's finer reason, e.g. "generic_decline", "incorrect_cvc"
     * @param message safe to show the cardholder
     */
    record Declined(String gatewayTransactionId, ErrorCode code, String declineCode, String message)
            implements GatewayResult {
        public Declined {
            requireId(gatewayTransactionId);
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(declineCode, "declineCode");
            Objects.requireNonNull(message, "message");
            if (code.type() != ErrorType.CARD_ERROR) {
                throw new IllegalArgumentException("A decline needs a card_error code, got " + code);
            }
        }

        public ApiException toApiException() {
            return new ApiException(code, message, null, declineCode);
        }
    }

    /** The issuer wants the cardholder to authenticate first; nothing is charged yet. */
    record ThreeDSecureRequired(String gatewayTransactionId) implements GatewayResult {
        public ThreeDSecureRequired {
            requireId(gatewayTransactionId);
        }
    }

    /**
     * The processor failed before the issuer decided; no money moved, so the same payment may be tried
     * again, unlike a {@link Declined}.
     */
    record ProcessingError(String gatewayTransactionId, String message) implements GatewayResult {
        public ProcessingError {
            requireId(gatewayTransactionId);
            Objects.requireNonNull(message, "message");
        }

        public ApiException toApiException() {
            return new ApiException(ErrorCode.PROCESSING_ERROR, message);
        }
    }

    private static void requireId(String gatewayTransactionId) {
        if (gatewayTransactionId == null || gatewayTransactionId.isBlank()) {
            throw new IllegalArgumentException("gatewayTransactionId must not be blank");
        }
    }
}
