package com.circoflows.localstack;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates the template's queues, each dead-letter queue before the queues that redrive into it,
 * because a RedrivePolicy needs the dead-letter queue's real ARN. Applies VisibilityTimeout,
 * DelaySeconds and RedrivePolicy; message retention is not emulated.
 */
final class QueueProvisioner {

    private final SamTemplate template;
    private final TemplateValueResolver resolver;
    private final SqsClient sqs;

    QueueProvisioner(SamTemplate template, TemplateValueResolver resolver, SqsClient sqs) {
        this.template = template;
        this.resolver = resolver;
        this.sqs = sqs;
    }

    /** Returns the context extended with every queue's URL and ARN. */
    ResolutionContext ensureAll(ResolutionContext ctx) {
        ResolutionContext result = ctx;
        for (QueueDefinition queue : template.queues()) {
            result = ensure(queue, result, new HashSet<>());
        }
        return result;
    }

    private ResolutionContext ensure(QueueDefinition queue, ResolutionContext ctx, Set<String> inProgress) {
        if (ctx.queueUrls().containsKey(queue.logicalId())) {
            return ctx;
        }
        if (!inProgress.add(queue.logicalId())) {
            throw new IllegalArgumentException("Dead-letter queues form a cycle through " + queue.logicalId());
        }
        ResolutionContext withDeadLetterQueue = queue.redrive() == null
                ? ctx
                : ensure(template.queue(queue.redrive().deadLetterQueueLogicalId()), ctx, inProgress);

        String name = resolver.resolveQueueName(queue, withDeadLetterQueue);
        Map<QueueAttributeName, String> attributes = attributes(queue, withDeadLetterQueue);
        String url = existingUrl(name);
        if (url == null) {
            url = sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
        } else if (!attributes.isEmpty()) {
            // Queues outlive a provisioning run only if the server does; keep them matching the template.
            String existing = url;
            sqs.setQueueAttributes(r -> r.queueUrl(existing).attributes(attributes));
        }
        String queueUrl = url;
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return withDeadLetterQueue.withQueue(queue.logicalId(), queueUrl, arn);
    }

    private static Map<QueueAttributeName, String> attributes(QueueDefinition queue, ResolutionContext ctx) {
        Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
        putIfPresent(attributes, QueueAttributeName.VISIBILITY_TIMEOUT, queue.visibilityTimeoutSeconds());
        // MessageRetentionPeriod is left out on purpose: ElasticMQ ignores it (messages stay until
        // deleted) and logs a warning for every queue that sets it.
        putIfPresent(attributes, QueueAttributeName.DELAY_SECONDS, queue.delaySeconds());
        if (queue.redrive() != null) {
            String deadLetterArn = ctx.queueArns().get(queue.redrive().deadLetterQueueLogicalId());
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + jsonEscape(deadLetterArn)
                    + "\",\"maxReceiveCount\":" + queue.redrive().maxReceiveCount() + "}");
        }
        return attributes;
    }

    private static void putIfPresent(Map<QueueAttributeName, String> attributes, QueueAttributeName name, Integer value) {
        if (value != null) {
            attributes.put(name, value.toString());
        }
    }

    private String existingUrl(String name) {
        try {
            return sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            return null;
        }
    }

    private static String jsonEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
