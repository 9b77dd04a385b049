package com.circoflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeFilterTest {
    @Test
    void withoutPatternsEveryTypeIsForwarded() {
        EventTypeFilter all = EventTypeFilter.of(List.of());

        EventTypes.ALL.forEach(type -> assertTrue(all.matches(type), type));
        assertEquals("all types", all.describe());
    }

    @Test
    void aGlobMatchesEveryTypeOfItsFamilyAndNoOther() {
        EventTypeFilter refunds = EventTypeFilter.of(List.of("refund.*"));

        assertTrue(refunds.matches("refund.succeeded"));
        assertTrue(refunds.matches("refund.failed"));
        assertFalse(refunds.matches("payment.succeeded"));
    }

    @Test
    void namesAndGlobsCombine() {
        EventTypeFilter filter = EventTypeFilter.of(List.of("payment.succeeded", "refund.*"));

        assertTrue(filter.matches("payment.succeeded"));
        assertTrue(filter.matches("refund.failed"));
        assertFalse(filter.matches("payment.failed"));
        assertFalse(filter.matches("webhook.test"));
        assertEquals("payment.succeeded, refund.*", filter.describe());
    }

    @Test
    void theDotIsLiteralAndAStarAloneMatchesAll() {
        assertFalse(EventTypeFilter.of(List.of("payment.*")).matches("paymentXsucceeded"));
        assertTrue(EventTypeFilter.of(List.of("*")).matches("webhook.test"));
        assertTrue(EventTypeFilter.of(List.of("*.failed")).matches("refund.failed"));
    }

    @Test
    void aPatternMatchingNoEventTypeIsRefusedListingTheTypes() {
        UsageException e = assertThrows(UsageException.class, () -> EventTypeFilter.of(List.of("payment.succeded")));

        assertTrue(e.getMessage().startsWith("--events payment.succeded matches no event type; they are payment.succeeded,"),
                e.getMessage());
    }
}
