package com.circoflows.localstack;

import static com.circoflows.localstack.TemplateNodes.integer;
import static com.circoflows.localstack.TemplateNodes.map;

import java.util.List;
import java.util.Map;

/** Reads the template's {@code AWS::SQS::Queue} resources. */
final class QueueDefinitionReader {

    private QueueDefinitionReader() {
    }

    static List<QueueDefinition> read(TemplateResources resources) {
        return resources.idsOfType(TemplateResources.QUEUE_TYPE).stream()
                .map(id -> read(id, resources.properties(id), resources))
                .toList();
    }

    private static QueueDefinition read(String id, Map<String, Object> props, TemplateResources resources) {
        RedriveDefinition redrive = null;
        if (props.get("RedrivePolicy") != null) {
            Map<String, Object> policy = map(props.get("RedrivePolicy"), id + ".RedrivePolicy");
            String target = resources.referencedResource(policy.get("deadLetterTargetArn"),
                    id + ".RedrivePolicy.deadLetterTargetArn", TemplateResources.QUEUE_TYPE);
            Integer maxReceiveCount = integer(policy.get("maxReceiveCount"), id + ".RedrivePolicy.maxReceiveCount");
            if (maxReceiveCount == null) {
                throw new IllegalArgumentException(id + ".RedrivePolicy.maxReceiveCount is missing");
            }
            redrive = new RedriveDefinition(target, maxReceiveCount);
        }
        return new QueueDefinition(
                id,
                props.get("QueueName"),
                integer(props.get("VisibilityTimeout"), id + ".VisibilityTimeout"),
                integer(props.get("MessageRetentionPeriod"), id + ".MessageRetentionPeriod"),
                integer(props.get("DelaySeconds"), id + ".DelaySeconds"),
                redrive);
    }
}
