package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseExcerptTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ok|ok",
        "'  line one\r\n\r\n  line two\t\tend  '|line one line two end",
        "'a\u0000b\u0007c\u001b[0md\u007fe\u0085f'|a b c [0md e f",
        "'left\u202eright\u2066x\u200by'|left right x y", // bidi overrides, zero-width space
        "'para\u2028graph\u2029end'|para graph end",
        "'{\"card\": \"4242424242424242\"}'|'{\"card\": \"****************\"}'",
        "'card 3782 822463 10005 on file'|card **** ****** ***** on file",
        "'order 1234567890 and 4242424242424241'|order 1234567890 and 4242424242424241", // not card numbers
    })
    void excerptIsOneLineWithCardNumbersMasked(String body, String excerpt) {
        assertEquals(excerpt, ResponseExcerpt.of(body));
    }

    @Test
    void aCardNumberSpreadOverLinesIsStillMasked() {
        assertEquals("pan **** **** **** ****", ResponseExcerpt.of("pan 4242\n4242\r\n4242\t4242"));
    }

    @Test
    void excerptIsAtMost256CharactersAndNeverSplitsACharacter() {
        assertEquals(256, ResponseExcerpt.of("y".repeat(10_000)).length());
        assertEquals("x".repeat(255), ResponseExcerpt.of("x".repeat(255) + "\uD83D\uDE00tail"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\r\n\t", "\u0000\u0001"})
    void nothingVisibleIsNoExcerpt(String body) {
        assertNull(ResponseExcerpt.of(body));
    }

    @Test
    void makingAnExcerptOfAnExcerptChangesNothing() {
        String once = ResponseExcerpt.of(" a\n\n4242 4242 4242 4242\u0000 " + "z".repeat(300));

        assertEquals(once, ResponseExcerpt.of(once));
    }

    /** History stored before excerpts were sanitised is shown sanitised: the attempt itself holds only an excerpt. */
    @Test
    void aDeliveryAttemptReadBackHoldsOnlyAnExcerpt() {
        DeliveryAttempt stored = new DeliveryAttempt(1, Instant.EPOCH, "https://x.example/h", 500, null, 3,
                "line\nwith 4242424242424242\n" + "q".repeat(5_000));

        assertTrue(stored.responseSnippet().startsWith("line with **************** qqq"), stored.responseSnippet());
        assertEquals(256, stored.responseSnippet().length());
    }
}
