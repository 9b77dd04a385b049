package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TransportResultTest {

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void anyTwoHundredIsSuccess(int status) {
        assertTrue(TransportResult.response(status, 10, "ok").succeeded());
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 199, 300, 302, 304, 400, 404, 410, 429, 500, 503})
    void everythingElseIsAFailure(int status) {
        assertFalse(TransportResult.response(status, 10, null).succeeded());
    }

    @Test
    void onlyFourTenIsGone() {
        assertTrue(TransportResult.response(410, 10, null).gone());
        assertFalse(TransportResult.response(404, 10, null).gone());
        assertFalse(TransportResult.failure("timeout", 10).gone());
    }

    @Test
    void networkFailureHasNoStatusAndIsNotSuccess() {
        TransportResult result = TransportResult.failure("connection_refused", 3);

        assertNull(result.httpStatus());
        assertFalse(result.succeeded());
        assertEquals("connection_refused", result.error());
    }

    @Test
    void aResultHasEitherAStatusOrAnError() {
        assertThrows(IllegalArgumentException.class, () -> new TransportResult(null, null, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new TransportResult(500, "timeout", 1, null));
    }

    @Test
    void snippetIsClippedTo256CharactersWithoutSplittingACharacter() {
        assertEquals(256, TransportResult.response(200, 1, "x".repeat(5_000)).responseSnippet().length());
        String emoji = "\uD83D\uDE00";
        String clipped = TransportResult.response(200, 1, "x".repeat(255) + emoji).responseSnippet();
        assertEquals("x".repeat(255), clipped);
        assertEquals("short", TransportResult.response(200, 1, "short").responseSnippet());
    }

    @Test
    void snippetIsOneLineWithCardNumbersMasked() {
        TransportResult result = TransportResult.response(500, 1, "error:\r\n\tcard\u00004000-0566-5566-5556\u2028rejected  ");

        assertEquals("error: card ****-****-****-**** rejected", result.responseSnippet());
    }

    @Test
    void aCardNumberAcrossTheClipIsMaskedBeforeClipping() {
        String snippet = TransportResult.response(500, 1, "x".repeat(250) + " 5555555555554444 tail").responseSnippet();

        assertEquals("x".repeat(250) + " *****", snippet);
    }
}
