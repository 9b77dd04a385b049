package com.circoflows.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns raw template values into the strings CloudFormation would produce, for the intrinsics this
 * project's template uses: Ref, Fn::GetAtt, Fn::Sub and Fn::Join. Anything it cannot resolve is an
 * error naming the culprit, because a silently empty table name or queue URL surfaces much later
 * as a confusing "resource not found".
 */
public final class TemplateValueResolver {

    /** The account id local ARNs carry; the same dummy value ElasticMQ uses. */
    public static final String LOCAL_ACCOUNT_ID = "000000000000";

    private static final Map<String, Object> NO_VALUE = Map.of("Ref", "AWS::NoValue");

    private final SamTemplate template;

    public TemplateValueResolver(SamTemplate template) {
        this.template = template;
    }

    public String resolve(Object raw, ResolutionContext ctx) {
        if (raw == null) {
            return "";
        }
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            return String.valueOf(raw);
        }
        if (raw instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            Map.Entry<?, ?> entry = intrinsic.entrySet().iterator().next();
            Object argument = entry.getValue();
            return switch (String.valueOf(entry.getKey())) {
                case "Ref" -> ref(TemplateNodes.requiredString(argument, "Ref"), ctx);
                case "Fn::GetAtt" -> getAtt(argument, ctx);
                case "Fn::Sub" -> sub(argument, ctx);
                case "Fn::Join" -> join(argument, ctx);
                default -> throw new IllegalArgumentException(
                        "Unsupported intrinsic " + entry.getKey() + " in " + raw);
            };
        }
        throw new IllegalArgumentException("Cannot resolve to a string: " + raw);
    }

    /** The table's physical name; CloudFormation's generated name becomes {@code <stack>-<LogicalId>}. */
    public String resolveTableName(TableDefinition table, ResolutionContext ctx) {
        return table.rawTableName() == null
                ? ctx.stackName() + "-" + table.logicalId()
                : resolve(table.rawTableName(), ctx);
    }

    /** The queue's physical name; CloudFormation's generated name becomes {@code <stack>-<LogicalId>}. */
    public String resolveQueueName(QueueDefinition queue, ResolutionContext ctx) {
        return queue.rawQueueName() == null
                ? ctx.stackName() + "-" + queue.logicalId()
                : resolve(queue.rawQueueName(), ctx);
    }

    /** The function's environment as Lambda would see it; {@code !Ref AWS::NoValue} drops a variable. */
    public Map<String, String> resolveEnvironment(FunctionDefinition function, ResolutionContext ctx) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.rawEnvironment().forEach((name, raw) -> {
            if (NO_VALUE.equals(raw)) {
                return;
            }
            try {
                environment.put(name, resolve(raw, ctx));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Function " + function.logicalId() + ", variable " + name + ": " + e.getMessage(), e);
            }
        });
        return environment;
    }

    /** A parameter's value: as given in the context, else the template default. */
    public String parameterValue(String name, ResolutionContext ctx) {
        ParameterDefinition parameter = template.parameters().get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("Unknown parameter '" + name + "'");
        }
        String value = ctx.parameterValues().get(name);
        if (value == null) {
            value = parameter.defaultValue();
        }
        if (value == null) {
            throw new IllegalArgumentException("Parameter '" + name + "' has no value and no Default");
        }
        return value;
    }

    private String ref(String name, ResolutionContext ctx) {
        switch (name) {
            case "AWS::StackName":
                return ctx.stackName();
            case "AWS::Region":
                return ctx.region();
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::Partition":
                return "aws";
            case "AWS::AccountId":
                return LOCAL_ACCOUNT_ID;
            default:
                break;
        }
        if (template.parameters().containsKey(name)) {
            return parameterValue(name, ctx);
        }
        if (!template.hasResource(name)) {
            throw new IllegalArgumentException(
                    "Unknown reference '" + name + "': not a parameter, pseudo parameter or resource");
        }
        String type = template.resourceType(name);
        return switch (type) {
            case TemplateResources.TABLE_TYPE -> tableName(name, ctx);
            case TemplateResources.QUEUE_TYPE -> provisioned(ctx.queueUrls(), name, "URL");
            case TemplateResources.SECRET_TYPE -> provisioned(ctx.secretArns(), name, "ARN");
            case TemplateResources.BUCKET_TYPE -> LocalS3.bucketName(name);
            default -> throw new IllegalArgumentException(
                    "Cannot resolve reference '" + name + "': " + type + " has no local value");
        };
    }

    private String getAtt(Object argument, ResolutionContext ctx) {
        if (argument instanceof String dotted) {
            int dot = dotted.indexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("Fn::GetAtt needs Resource.Attribute, got: " + dotted);
            }
            return attribute(dotted.substring(0, dot), dotted.substring(dot + 1), ctx);
        }
        List<?> parts = TemplateNodes.list(argument, "Fn::GetAtt");
        if (parts.size() != 2) {
            throw new IllegalArgumentException("Fn::GetAtt needs [Resource, Attribute], got: " + argument);
        }
        return attribute(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)), ctx);
    }

    private String attribute(String id, String attribute, ResolutionContext ctx) {
        if (!template.hasResource(id)) {
            throw new IllegalArgumentException("Unknown resource '" + id + "' in Fn::GetAtt " + id + "." + attribute);
        }
        String type = template.resourceType(id);
        String key = type + "." + attribute;
        return switch (key) {
            case TemplateResources.QUEUE_TYPE + ".Arn" -> provisioned(ctx.queueArns(), id, "ARN");
            case TemplateResources.QUEUE_TYPE + ".QueueUrl" -> provisioned(ctx.queueUrls(), id, "URL");
            case TemplateResources.QUEUE_TYPE + ".QueueName" -> resolveQueueName(template.queue(id), ctx);
            case TemplateResources.TABLE_TYPE + ".Arn" -> "arn:aws:dynamodb:" + ctx.region() + ":" + LOCAL_ACCOUNT_ID
                    + ":table/" + tableName(id, ctx);
            case TemplateResources.BUCKET_TYPE + ".Arn" -> "arn:aws:s3:::" + LocalS3.bucketName(id);
            default -> throw new IllegalArgumentException(
                    "Unsupported attribute in Fn::GetAtt " + id + "." + attribute + " (" + type + ")");
        };
    }

    private String tableName(String id, ResolutionContext ctx) {
        String name = ctx.tableNames().get(id);
        return name != null ? name : resolveTableName(template.table(id), ctx);
    }

    private static String provisioned(Map<String, String> values, String id, String what) {
        String value = values.get(id);
        if (value == null) {
            throw new IllegalArgumentException("Resource '" + id + "' has no " + what + " in this context (not provisioned?)");
        }
        return value;
    }

    private String sub(Object argument, ResolutionContext ctx) {
        String text;
        Map<String, Object> variables;
        if (argument instanceof String string) {
            text = string;
            variables = Map.of();
        } else {
            List<?> parts = TemplateNodes.list(argument, "Fn::Sub");
            if (parts.size() != 2) {
                throw new IllegalArgumentException("Fn::Sub list form needs [text, {variables}], got: " + argument);
            }
            text = TemplateNodes.requiredString(parts.get(0), "Fn::Sub text");
            variables = TemplateNodes.map(parts.get(1), "Fn::Sub variables");
        }
        StringBuilder out = new StringBuilder();
        int position = 0;
        while (true) {
            int start = text.indexOf("${", position);
            if (start < 0) {
                return out.append(text, position, text.length()).toString();
            }
            out.append(text, position, start);
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("Unclosed ${ in Fn::Sub '" + text + "'");
            }
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) {
                // ${!Literal} is how Fn::Sub writes a literal ${Literal}.
                out.append("${").append(name, 1, name.length()).append('}');
            } else {
                out.append(substitute(name.trim(), variables, ctx));
            }
            position = end + 1;
        }
    }

    private String substitute(String name, Map<String, Object> variables, ResolutionContext ctx) {
        if (variables.containsKey(name)) {
            return resolve(variables.get(name), ctx);
        }
        int dot = name.indexOf('.');
        return dot > 0 ? attribute(name.substring(0, dot), name.substring(dot + 1), ctx) : ref(name, ctx);
    }

    private String join(Object argument, ResolutionContext ctx) {
        List<?> parts = TemplateNodes.list(argument, "Fn::Join");
        if (parts.size() != 2) {
            throw new IllegalArgumentException("Fn::Join needs [delimiter, [values]], got: " + argument);
        }
        String delimiter = TemplateNodes.string(parts.get(0), "Fn::Join delimiter");
        return TemplateNodes.list(parts.get(1), "Fn::Join values").stream()
                .map(value -> resolve(value, ctx))
                .collect(Collectors.joining(delimiter == null ? "" : delimiter));
    }
}
