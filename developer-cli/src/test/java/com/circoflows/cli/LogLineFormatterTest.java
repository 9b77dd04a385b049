package com.circoflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A function's JSON log line as bin/circoflows logs shows it, with and without colour. */
class LogLineFormatterTest {
    private static final String REQUEST = "{\"time\":\"2026-03-01T12:34:56.789Z\",\"level\":\"INFO\","
            + "\"logger\":\"MerchantApiPipeline\",\"event\":\"request\",\"aws_request_id\":\"req-1\","
            + "\"xray_trace_id\":null,\"function_name\":\"CreateDirectPaymentFunction\",\"function_version\":null,"
            + "\"cold_start\":false,\"merchant_id\":\"mch_demo\",\"request_id\":\"abc\",\"method\":\"POST\","
            + "\"path\":\"/api/direct-payment\",\"status\":200,\"duration_ms\":12}";
    private static final String WARNING = "{\"time\":\"2026-03-01T12:34:57Z\",\"level\":\"WARN\",\"logger\":\"X\","
            + "\"event\":\"webhook_attempt_failed\",\"function_name\":\"WebhookDeliveryFunction\","
            + "\"error\":\"connection refused: no one listening\"}";
    private static final String FAILURE = "{\"time\":\"2026-03-01T12:34:58Z\",\"level\":\"ERROR\",\"logger\":\"X\","
            + "\"event\":\"unhandled\",\"function_name\":\"HealthFunction\",\"cold_start\":true,"
            + "\"error_class\":\"java.lang.IllegalStateException\",\"stack\":\"a.B.c(B.java:1)\\nd.E.f(E.java:2)\\n\"}";

    private static LogLineFormatter plain() {
        return new LogLineFormatter(new Style(false), ZoneOffset.UTC);
    }

    private static LogLineFormatter coloured() {
        return new LogLineFormatter(new Style(true), ZoneOffset.UTC);
    }

    @Test
    void aLineShowsTimeFunctionLevelEventThenItsFieldsAndTheInvocationsLast() {
        assertEquals("12:34:56.789  CreateDirectPaymentFunction   INFO   request  request_id=abc  method=POST"
                + "  path=/api/direct-payment  status=200  duration_ms=12  aws_request_id=req-1  merchant_id=mch_demo",
                plain().format(REQUEST));
    }

    @Test
    void anInvocationIdThatIsTheRequestIdIsShownOnce() {
        String sameIds = REQUEST.replace("\"req-1\"", "\"abc\"");

        assertFalse(plain().format(sameIds).contains("aws_request_id"), plain().format(sameIds));
    }

    @Test
    void withoutColourThereIsNoEscapeCode() {
        for (String line : List.of(REQUEST, WARNING, FAILURE)) {
            assertFalse(plain().format(line).contains("\u001b["), line);
        }
    }

    @Test
    void aValueWithSpacesIsQuoted() {
        assertTrue(plain().format(WARNING).endsWith("error=\"connection refused: no one listening\""),
                plain().format(WARNING));
    }

    @Test
    void anErrorsStackFollowsIndentedAndAColdStartIsNoted() {
        String[] lines = plain().format(FAILURE).split(System.lineSeparator());

        assertEquals(3, lines.length);
        assertTrue(lines[0].contains("ERROR  unhandled  error_class=java.lang.IllegalStateException  cold_start"), lines[0]);
        assertEquals("    at a.B.c(B.java:1)", lines[1]);
        assertEquals("    at d.E.f(E.java:2)", lines[2]);
    }

    @Test
    void withColourTheFunctionNameHasItsOwnColourOnEveryLine() {
        String colour = LogLineFormatter.nameColour("CreateDirectPaymentFunction");
        String formatted = coloured().format(REQUEST);

        assertTrue(formatted.contains("\u001b[" + colour + "mCreateDirectPaymentFunction"), formatted);
        assertEquals(colour, LogLineFormatter.nameColour("CreateDirectPaymentFunction"));
        assertFalse(List.of("31", "33").contains(colour), "never the colours of ERROR and WARN");
    }

    @Test
    void withColourWarnIsYellowAndErrorRed() {
        assertTrue(coloured().format(WARNING).contains("\u001b[33mWARN "), coloured().format(WARNING));
        assertTrue(coloured().format(FAILURE).contains("\u001b[31mERROR"), coloured().format(FAILURE));
        assertFalse(coloured().format(REQUEST).contains("\u001b[31m"), "INFO is not red");
    }

    @Test
    void aLineThatIsNotJsonIsShownAsItIs() {
        assertEquals("Picked up JAVA_TOOL_OPTIONS: -Xmx1g", coloured().format("Picked up JAVA_TOOL_OPTIONS: -Xmx1g"));
        assertEquals("{not json", plain().format("{not json"));
    }

    @Test
    void aLongerFunctionNameWidensTheColumnForTheLinesAfterIt() {
        LogLineFormatter formatter = plain();
        String longName = REQUEST.replace("CreateDirectPaymentFunction", "ExpirePreviousWebhookSecretFunction");

        formatter.format(longName);
        String after = formatter.format(REQUEST);

        assertTrue(after.contains("CreateDirectPaymentFunction" + " ".repeat(10) + "INFO"), after);
    }

    @Test
    void aFunctionFilterTakesTheNameWithOrWithoutItsSuffixInAnyCase() {
        assertTrue(LogsCommand.passes(REQUEST, List.of("createdirectpayment"), 0));
        assertTrue(LogsCommand.passes(REQUEST, List.of("HealthFunction", "CreateDirectPaymentFunction"), 0));
        assertFalse(LogsCommand.passes(REQUEST, List.of("Health"), 0));
        assertFalse(LogsCommand.passes("not json", List.of("Health"), 0));
    }

    @Test
    void aLevelFilterKeepsThatLevelAndWorse() {
        int warn = 1;
        assertFalse(LogsCommand.passes(REQUEST, List.of(), warn));
        assertTrue(LogsCommand.passes(WARNING, List.of(), warn));
        assertTrue(LogsCommand.passes(FAILURE, List.of(), warn));
    }
}
