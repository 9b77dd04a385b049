package com.circoflows.api.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.url.MerchantUrlPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A card number sent anywhere but card_number would be stored in the clear: it is refused, unechoed. */
class CardNumbersOutsideCardFieldTest {
    private final DirectPaymentRequestParser parser = new DirectPaymentRequestParser(new MerchantUrlPolicy(false),
            Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    private static String body(String extra) {
        return "{\"amount\":1000,\"currency\":\"USD\",\"payment_method\":\"card\",\"card_number\":\"4242424242424242\","
                + "\"expiry_month\":\"12\",\"expiry_year\":\"2030\",\"cvv\":\"123\"" + extra + "}";
    }

    @Test
    void cardNumberInMetadataValueIsRefusedNamingTheKey() {
        ApiException e = assertThrows(ApiException.class,
                () -> parser.parse(body(",\"metadata\":{\"note\":\"card 5105105105105100\"}")));
        assertEquals("metadata[note]", e.param());
        assertFalse(e.getMessage().contains("5105105105105100"));
    }

    @Test
    void cardNumberAsMetadataKeyIsRefusedWithoutEchoingIt() {
        ApiException e = assertThrows(ApiException.class,
                () -> parser.parse(body(",\"metadata\":{\"5105105105105100\":\"x\"}")));
        assertEquals("metadata", e.param());
        assertFalse(e.getMessage().contains("5105105105105100"));
    }

    @Test
    void cardNumberInCustomerNameIsRefused() {
        ApiException e = assertThrows(ApiException.class,
                () -> parser.parse(body(",\"customer_info\":{\"name\":\"4242 4242 4242 4242\"}")));
        assertEquals("customer_info[name]", e.param());
    }

    @Test
    void unknownFieldNamedLikeACardNumberIsRefusedWithoutEchoingIt() {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(body(",\"4000000000000002\":1")));
        assertFalse(e.getMessage().contains("4000000000000002"));
        assertEquals("body", e.param(), "the body as a whole: the name itself is not echoed");
    }

    @Test
    void ambiguousNumericWebhookHostsAreRefused() {
        MerchantUrlPolicy policy = new MerchantUrlPolicy(false);
        for (String url : new String[] {"https://0x0a000001/x", "https://012.0.0.1/x", "https://167772161/x"}) {
            ApiException e = assertThrows(ApiException.class, () -> policy.checkWebhookUrl(url, "webhook_url"), url);
            assertEquals("invalid_webhook_url", e.code().code());
        }
    }
}
