package com.circoflows.observability;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessMetricsTest {
    @Test
    void onLambdaMetricsAreWrittenAsEmf() {
        assertInstanceOf(EmfMetrics.class,
                ProcessMetrics.forEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "fn", "STAGE", "prod")));
    }

    @Test
    void inLocalModeNothingIsPublishedEvenUnderAFunctionName() {
        assertSame(Metrics.NONE, ProcessMetrics.forEnvironment(
                Map.of("AWS_LAMBDA_FUNCTION_NAME", "fn", "CIRCOFLOWS_LOCAL_MODE", "true")));
    }

    @Test
    void outsideLambdaNothingIsPublished() {
        assertSame(Metrics.NONE, ProcessMetrics.forEnvironment(Map.of("STAGE", "dev")));
    }
}
