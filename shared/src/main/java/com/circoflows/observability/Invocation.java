package com.circoflows.observability;

/**
 * What every log line of one Lambda invocation carries besides its merchant (see {@link LogContext}).
 * Any field may be null where the platform does not say (tracing off, a test without a context).
 *
 * @param awsRequestId    Lambda's id of the invocation
 * @param xrayTraceId     the X-Ray trace's root id (1-5759e988-bd862e3fe1be46a994272793), to find the trace
 * @param functionName    the function as deployed (stack-prefixed name on AWS, logical id locally)
 * @param functionVersion the published version that ran ($LATEST when none), so a line names its deploy
 * @param coldStart       true for the first invocation of a new container (after init or a SnapStart restore)
 */
public record Invocation(String awsRequestId, String xrayTraceId, String functionName, String functionVersion,
                         boolean coldStart) {
}
