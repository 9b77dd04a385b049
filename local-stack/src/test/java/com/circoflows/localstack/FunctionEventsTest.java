package com.circoflows.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Function events and environments read from inline templates that use what the project one does not yet. */
class FunctionEventsTest {

    private final SamTemplate inline = SamTemplate.parse("""
            Globals:
              Function:
                Handler: com.example.DefaultHandler::handleRequest
                Environment:
                  Variables:
                    STAGE: global
                    SHARED: from-globals
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.example.Worker
                  Environment:
                    Variables:
                      STAGE: own
                  Events:
                    FromJobs:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Jobs.Arn
                        FunctionResponseTypes: [ReportBatchItemFailures]
                    FromJobsByRef:
                      Type: SQS
                      Properties: {Queue: !Ref Jobs, BatchSize: 5}
                    EveryMinute:
                      Type: Schedule
                      Properties: {Schedule: rate(1 minute)}
                    Nightly:
                      Type: ScheduleV2
                      Properties: {ScheduleExpression: 'cron(0 3 * * ? *)', State: DISABLED}
                    Upload:
                      Type: S3
                      Properties: {Bucket: !Ref Jobs}
              Quiet:
                Type: AWS::Serverless::Function
            """, "inline");

    @Test
    void readsSqsEventSourcesWithDefaultBatchSizeAndPartialFailures() {
        assertEquals(List.of(
                        new SqsEventSource("FromJobs", "Jobs", 10, true),
                        new SqsEventSource("FromJobsByRef", "Jobs", 5, false)),
                inline.function("Worker").sqsEventSources());
    }

    @Test
    void readsScheduleRatesAndKeepsCronUnparsed() {
        assertEquals(List.of(
                        new ScheduleEventSource("EveryMinute", "rate(1 minute)", Duration.ofMinutes(1), true),
                        new ScheduleEventSource("Nightly", "cron(0 3 * * ? *)", null, false)),
                inline.function("Worker").scheduleEventSources());
    }

    @Test
    void letsTheFunctionsOwnVariablesWinOverGlobals() {
        assertEquals(Map.of("STAGE", "own", "SHARED", "from-globals"), inline.function("Worker").rawEnvironment());
        assertEquals("com.example.Worker", inline.function("Worker").handlerClassName());
    }

    @Test
    void givesAFunctionWithoutEventsEmptyListsAndTheGlobalHandler() {
        FunctionDefinition quiet = inline.function("Quiet");
        assertTrue(quiet.httpRoutes().isEmpty());
        assertTrue(quiet.sqsEventSources().isEmpty());
        assertTrue(quiet.scheduleEventSources().isEmpty());
        assertEquals("com.example.DefaultHandler", quiet.handlerClassName());
    }

    @Test
    void parsesRateExpressionsInSecondsMinutesAndHours() {
        assertEquals(Duration.ofSeconds(30), ScheduleEventSource.parseRate("rate(30 seconds)"));
        assertEquals(Duration.ofMinutes(5), ScheduleEventSource.parseRate("rate(5 minutes)"));
        assertEquals(Duration.ofHours(1), ScheduleEventSource.parseRate("rate(1 hour)"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleEventSource.parseRate("rate(soon)"));
    }

    @Test
    void refusesAnSqsEventOnAQueueOutsideTheTemplate() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SamTemplate.parse("""
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.Worker
                      Events:
                        Jobs:
                          Type: SQS
                          Properties: {Queue: !GetAtt Elsewhere.Arn}
                """, "inline"));
        assertTrue(error.getMessage().contains("Elsewhere"), error.getMessage());
    }
}
