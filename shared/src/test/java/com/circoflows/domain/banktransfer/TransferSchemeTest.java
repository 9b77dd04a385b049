package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransferSchemeTest {

    @Test
    void eachSupportedCurrencyHasItsScheme() {
        assertEquals(Optional.of(TransferScheme.SEPA_CREDIT_TRANSFER), TransferScheme.forCurrency("EUR"));
        assertEquals(Optional.of(TransferScheme.FASTER_PAYMENTS), TransferScheme.forCurrency("gbp"));
        assertEquals(Optional.of(TransferScheme.ACH_OR_WIRE), TransferScheme.forCurrency(Currency.getInstance("USD")));
    }

    @Test
    void otherCurrenciesHaveNoScheme() {
        assertEquals(Optional.empty(), TransferScheme.forCurrency("JPY"));
        assertEquals(Optional.empty(), TransferScheme.forCurrency((String) null));
    }

    @Test
    void aCurrencyWithoutASchemeIsRefusedNamingTheSupportedOnes() {
        ApiException refused = assertThrows(ApiException.class,
                () -> TransferScheme.requireForCurrency(Currency.getInstance("JPY")));
        assertEquals(ErrorCode.INVALID_CURRENCY, refused.code());
        assertEquals("currency", refused.param());
        assertTrue(refused.getMessage().contains("Bank transfers accept EUR, GBP and USD."), refused.getMessage());
        assertTrue(refused.getMessage().contains("JPY"));
    }
}
