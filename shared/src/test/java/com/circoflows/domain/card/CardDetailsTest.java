package com.circoflows.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardDetailsTest {

    private static final Clock LAST_MOMENT_OF_NOVEMBER_2026 =
            Clock.fixed(Instant.parse("2026-11-30T23:59:59.999Z"), ZoneOffset.UTC);
    private static final Clock FIRST_MOMENT_OF_DECEMBER_2026 =
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void validRequestFieldsMakeCardDetails() {
        CardDetails card = CardDetails.validate("4242 4242 4242 4242", "7", "28", "123", LAST_MOMENT_OF_NOVEMBER_2026);
        assertEquals(CardBrand.VISA, card.brand());
        assertEquals("4242", card.number().last4());
        assertEquals(new CardExpiry(7, 2028), card.expiry());
        assertEquals("123", card.cvv().revealDigits());
    }

    @Test
    void cardExpiringNovember2026IsValidOnTheLastDayOfNovember() {
        CardDetails card = CardDetails.validate("4242424242424242", "11", "2026", "123", LAST_MOMENT_OF_NOVEMBER_2026);
        assertEquals(new CardExpiry(11, 2026), card.expiry());
    }

    @Test
    void cardExpiringNovember2026IsExpiredOnTheFirstOfDecember() {
        ApiException error = assertThrows(ApiException.class,
                () -> CardDetails.validate("4242424242424242", "11", "2026", "123", FIRST_MOMENT_OF_DECEMBER_2026));
        assertEquals(ErrorCode.EXPIRED_CARD, error.code());
        assertEquals("expired_card", error.declineCode());
        assertEquals("expiry_month", error.param());
    }

    @Test
    void theMonthIsJudgedInTheClocksTimeZone() {
        Clock stillNovemberInNewYork = FIRST_MOMENT_OF_DECEMBER_2026.withZone(ZoneOffset.ofHours(-5));
        CardDetails card = CardDetails.validate("4242424242424242", "11", "2026", "123", stillNovemberInNewYork);
        assertEquals(11, card.expiry().month());
    }

    @Test
    void theReferenceExampleExpiry12Of2025IsExpiredWithParamExpiryYear() {
        ApiException error = assertThrows(ApiException.class,
                () -> CardDetails.validate("4242424242424242", "12", "2025", "123", LAST_MOMENT_OF_NOVEMBER_2026));
        assertEquals(ErrorCode.EXPIRED_CARD, error.code());
        assertEquals("expiry_year", error.param());
    }

    @Test
    void numberIsCheckedFirst() {
        ApiException error = assertThrows(ApiException.class,
                () -> CardDetails.validate("4242424242424241", "13", "1999", "1", LAST_MOMENT_OF_NOVEMBER_2026));
        assertEquals(ErrorCode.INVALID_CARD, error.code());
    }

    @Test
    void expiryFormatIsCheckedBeforeSecurityCode() {
        ApiException error = assertThrows(ApiException.class,
                () -> CardDetails.validate("4242424242424242", "13", "2027", "1", LAST_MOMENT_OF_NOVEMBER_2026));
        assertEquals(ErrorCode.INVALID_REQUEST, error.code());
        assertEquals("expiry_month", error.param());
    }

    @Test
    void securityCodeIsCheckedBeforeExpiryDate() {
        ApiException error = assertThrows(ApiException.class,
                () -> CardDetails.validate("4242424242424242", "1", "2020", "1", LAST_MOMENT_OF_NOVEMBER_2026));
        assertEquals(ErrorCode.INVALID_CVV, error.code());
    }

    @Test
    void securityCodeLengthFollowsTheCardBrand() {
        CardDetails amex = CardDetails.validate("378282246310005", "1", "2030", "1234", LAST_MOMENT_OF_NOVEMBER_2026);
        assertEquals(CardBrand.AMEX, amex.brand());
        ApiException error = assertThrows(ApiException.class,
                () -> CardDetails.validate("378282246310005", "1", "2030", "123", LAST_MOMENT_OF_NOVEMBER_2026));
        assertEquals(ErrorCode.INVALID_CVV, error.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4000000000000002", "4000000000003220", "4000000000009995",
            "4000000000000069", "4000000000000127", "4000000000000119", "4100000000000019", "378282246310005"})
    void toStringNeverContainsThePanOrTheCvv(String pan) {
        String cvv = pan.startsWith("37") ? "9876" : "987";
        CardDetails card = CardDetails.validate(pan, "11", "2026", cvv, LAST_MOMENT_OF_NOVEMBER_2026);
        String shown = card.toString();
        assertFalse(shown.contains(pan), shown);
        assertFalse(shown.contains(pan.substring(0, 6)), shown);
        assertFalse(shown.contains(cvv), shown);
        assertEquals("CardDetails[" + card.brand().wireName() + " ****" + pan.substring(pan.length() - 4)
                + " exp 11/2026]", shown);
    }
}
