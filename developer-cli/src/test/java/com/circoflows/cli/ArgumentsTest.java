package com.circoflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private static final Set<String> VALUES = Set.of("forward-to", "events", "interval", "max-events");
    private static final Set<String> SWITCHES = Set.of("follow");

    private static Arguments parse(String... arguments) {
        return Arguments.parse(List.of(arguments), VALUES, SWITCHES);
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
        Arguments args = parse("--forward-to", "http://localhost:8080/webhooks", "--interval=2s", "--follow");

        assertEquals("http://localhost:8080/webhooks", args.value("forward-to"));
        assertEquals(Duration.ofSeconds(2), args.durationValue("interval", Duration.ofSeconds(1), Duration.ZERO));
        assertTrue(args.has("follow"));
        assertNull(args.value("events"));
    }

    @Test
    void wordsThatAreNotOptionsAreKeptInOrder() {
        Arguments args = parse("resend", "--follow", "evt_123");

        assertEquals(List.of("resend", "evt_123"), args.words());
    }

    @Test
    void aListOptionTakesCommasAndRepeats() {
        Arguments args = parse("--events", "payment.succeeded, refund.*", "--events", "webhook.test");

        assertEquals(List.of("payment.succeeded", "refund.*", "webhook.test"), args.listValue("events"));
    }

    @Test
    void durationsReadMillisecondsSecondsMinutesAndBareSeconds() {
        Duration floor = Duration.ofMillis(100);
        assertEquals(Duration.ofMillis(500), parse("--interval", "500ms").durationValue("interval", null, floor));
        assertEquals(Duration.ofMinutes(1), parse("--interval", "1m").durationValue("interval", null, floor));
        assertEquals(Duration.ofSeconds(3), parse("--interval", "3").durationValue("interval", null, floor));
        assertEquals(Duration.ofSeconds(1), parse().durationValue("interval", Duration.ofSeconds(1), floor));
    }

    @Test
    void aMistypedOptionIsAUsageErrorNamingIt() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--forward", "http://localhost"));

        assertEquals("unknown option --forward", e.getMessage());
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--forward-to"));

        assertEquals("--forward-to needs a value", e.getMessage());
    }

    @Test
    void aSwitchGivenAValueIsAUsageError() {
        assertThrows(UsageException.class, () -> parse("--follow=yes"));
    }

    @Test
    void badNumbersAndDurationsAreUsageErrorsSayingWhatIsExpected() {
        assertTrue(assertThrows(UsageException.class, () -> parse("--max-events", "three").intValue("max-events", 0, 0))
                .getMessage().contains("whole number"));
        assertTrue(assertThrows(UsageException.class, () -> parse("--max-events", "-1").intValue("max-events", 0, 0))
                .getMessage().contains("at least 0"));
        assertTrue(assertThrows(UsageException.class,
                () -> parse("--interval", "fast").durationValue("interval", null, Duration.ZERO))
                .getMessage().contains("500ms, 2s or 1m"));
        assertTrue(assertThrows(UsageException.class,
                () -> parse("--interval", "10ms").durationValue("interval", null, Duration.ofMillis(100)))
                .getMessage().contains("at least 100ms"));
    }

    @Test
    void helpIsAlwaysASwitch() {
        assertTrue(parse("--help").has("help"));
    }

    @Test
    void moreWordsThanACommandTakesIsAUsageError() {
        Arguments args = parse("payment.succeeded", "refund.succeeded");

        UsageException e = assertThrows(UsageException.class, () -> args.words(1, "trigger takes one event"));

        assertEquals("unexpected refund.succeeded (trigger takes one event)", e.getMessage());
    }
}
