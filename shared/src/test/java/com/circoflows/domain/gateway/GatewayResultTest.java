package com.circoflows.domain.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.GatewayResult.Approved;
import com.circoflows.domain.gateway.GatewayResult.Declined;
import com.circoflows.domain.gateway.GatewayResult.ProcessingError;
import com.circoflows.domain.gateway.GatewayResult.ThreeDSecureRequired;
import org.junit.jupiter.api.Test;

class GatewayResultTest {

    private static final String ID = "gw_ABCDEFGHIJKLMNOPQRSTUVWX";

    @Test
    void aDeclineMustUseACardErrorCode() {
        assertThrows(IllegalArgumentException.class,
                () -> new Declined(ID, ErrorCode.SERVER_ERROR, "generic_decline", "Nope."));
        assertThrows(IllegalArgumentException.class,
                () -> new Declined(ID, ErrorCode.INVALID_AMOUNT, "generic_decline", "Nope."));
    }

    @Test
    void aDeclineBecomesACardErrorWithItsDeclineCodeAndNoParam() {
        ApiException error = new Declined(ID, ErrorCode.INSUFFICIENT_FUNDS, "insufficient_funds",
                "Your card has insufficient funds.").toApiException();
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, error.code());
        assertEquals("insufficient_funds", error.declineCode());
        assertEquals("Your card has insufficient funds.", error.getMessage());
        assertNull(error.param());
    }

    @Test
    void aProcessingErrorBecomesAProcessingErrorApiException() {
        ApiException error = new ProcessingError(ID, "Try again.").toApiException();
        assertEquals(ErrorCode.PROCESSING_ERROR, error.code());
        assertEquals("Try again.", error.getMessage());
    }

    @Test
    void everyResultNeedsAGatewayId() {
        assertThrows(IllegalArgumentException.class, () -> new Approved(null));
        assertThrows(IllegalArgumentException.class, () -> new ThreeDSecureRequired(" "));
        assertThrows(IllegalArgumentException.class, () -> new ProcessingError("", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new Declined(null, ErrorCode.CARD_DECLINED, "generic_decline", "x"));
    }
}
