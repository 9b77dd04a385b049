package com.circoflows.domain.webhook.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

    @Test
    void generatedSecretIsWhsecPrefixAndPaddedStandardBase64Of32Bytes() {
        String value = WebhookSecret.generate().value();

        assertTrue(value.matches("whsec_[A-Za-z0-9+/]{43}="), value);
        assertEquals(32, Base64.getDecoder().decode(value.substring("whsec_".length())).length);
    }

    @Test
    void generatedSecretsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(WebhookSecret.generate().value()));
        }
    }

    @Test
    void standardWebhooksKeyIsTheBase64DecodedPartAfterThePrefix() {
        WebhookSecret secret = WebhookSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertArrayEquals(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), secret.standardWebhooksKey());
    }

    @Test
    void readSecretKeepsTheExactStringShownToTheMerchant() {
        WebhookSecret generated = WebhookSecret.generate();

        WebhookSecret read = WebhookSecret.of(generated.value());

        assertEquals(generated.value(), read.value());
        assertEquals(generated, read);
        assertArrayEquals(generated.standardWebhooksKey(), read.standardWebhooksKey());
    }

    @Test
    void callersCannotAlterTheKeyThroughTheReturnedArray() {
        WebhookSecret secret = WebhookSecret.generate();
        byte[] key = secret.standardWebhooksKey();
        key[0] ^= 1;

        assertNotEquals(key[0], secret.standardWebhooksKey()[0]);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", // no prefix
        "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", // prefix is case-sensitive
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa-_", // base64url alphabet, not standard
        "whsec_MfKQ9r8GKYqr TwjUPD8ILPZIo2LaLaSw", // whitespace
        "whsec_", // no key
        "whsec_c2hvcnQ=", // 5 bytes: too weak to sign with
    })
    void malformedSecretIsRefused(String value) {
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.of(value));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        WebhookSecret secret = WebhookSecret.generate();

        assertFalse(secret.toString().contains(secret.value().substring(6, 20)));
        assertFalse(secret.toString().contains("whsec_"));
    }
}
