package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransferExpiryTest {

    private static final Instant CREATED = Instant.parse("2026-12-06T15:30:00Z");

    @Test
    void aPaymentExpiresSevenDaysAfterItIsCreatedByDefault() {
        assertEquals(Instant.parse("2026-12-13T15:30:00Z"), TransferExpiry.standard().expiresAt(CREATED));
    }

    @ParameterizedTest
    @ValueSource(longs = {3_600, 86_400, 2_592_000})
    void overridesFromOneHourToThirtyDaysAreAccepted(long seconds) {
        assertEquals(CREATED.plusSeconds(seconds),
                TransferExpiry.overriddenTo(Duration.ofSeconds(seconds), "expires_in").expiresAt(CREATED));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 0, 3_599, 2_592_001, 31_536_000})
    void overridesOutsideOneHourToThirtyDaysAreRefusedWithA400SayingTheRange(long seconds) {
        ApiException refused = assertThrows(ApiException.class,
                () -> TransferExpiry.overriddenTo(Duration.ofSeconds(seconds), "expires_in"));
        assertEquals("expires_in", refused.param());
        assertTrue(refused.getMessage().contains("between 1 hour and 30 days"), refused.getMessage());
    }
}
