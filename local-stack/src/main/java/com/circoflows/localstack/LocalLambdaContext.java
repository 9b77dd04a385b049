package com.circoflows.localstack;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Lambda context a local invocation gets (local runner, handler ITs, benchmarks); our handlers
 * only ever read the request id. Lives here, beside the rest of the AWS stand-ins, because every
 * caller already depends on this module and none of them may depend on another.
 */
public final class LocalLambdaContext implements Context {
    /** What the template's functions get unless they say otherwise. */
    public static final int DEFAULT_MEMORY_MB = 1024;

    private final String requestId;
    private final String functionName;
    private final int memoryMb;

    public LocalLambdaContext(String requestId, String functionName, int memoryMb) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.memoryMb = memoryMb;
    }

    /** An invocation with its own request id, as for an SQS or scheduled event. */
    public static LocalLambdaContext forInvocation(String functionName) {
        return new LocalLambdaContext(UUID.randomUUID().toString(), functionName, DEFAULT_MEMORY_MB);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 15_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
