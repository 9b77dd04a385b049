package com.circoflows.observability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.CapturedLog;
import java.util.Map;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The log's last line of defence: a card number reaches no log line, however it is written. */
@Isolated
class JsonLogCardNumberMaskTest {
    private static final JsonLog LOG = JsonLog.get(JsonLogCardNumberMaskTest.class);

    @ParameterizedTest
    @ValueSource(strings = {"/api/direct-payment/4242.4242.4242.4242", "4242_4242_4242_4242", "4242/4242/4242/4242",
            "4242  4242  4242  4242", "https://shop.example/r?c=4242%204242%204242%204242", "c=4242+4242+4242+4242"})
    void aCardNumberWrittenWithSeparatorsIsMasked(String value) {
        try (CapturedLog log = CapturedLog.start()) {
            LOG.warn("oops", Map.of("detail", value));

            assertTrue(log.text().contains("\"detail\":"), log.text());
            // Only the field's own text: the line's timestamp has nanosecond digits, which may hold 4242.
            String detail = log.text().substring(log.text().indexOf("\"detail\":"));
            assertFalse(detail.contains("4242"), log.text());
        }
    }
}
