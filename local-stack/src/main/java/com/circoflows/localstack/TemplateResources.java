package com.circoflows.localstack;

import static com.circoflows.localstack.TemplateNodes.map;
import static com.circoflows.localstack.TemplateNodes.requiredString;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The template's Resources section, in template order, with the lookups the readers share. */
final class TemplateResources {

    static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    static final String QUEUE_TYPE = "AWS::SQS::Queue";
    static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    static final String SECRET_TYPE = "AWS::SecretsManager::Secret";
    static final String BUCKET_TYPE = "AWS::S3::Bucket";

    private final Map<String, Map<String, Object>> resources;

    TemplateResources(Object resourcesNode) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        map(resourcesNode, "Resources").forEach((id, resource) -> {
            Map<String, Object> body = map(resource, id);
            requiredString(body.get("Type"), id + ".Type");
            result.put(id, Collections.unmodifiableMap(body));
        });
        this.resources = Collections.unmodifiableMap(result);
    }

    Set<String> ids() {
        return resources.keySet();
    }

    boolean contains(String logicalId) {
        return resources.containsKey(logicalId);
    }

    /** Null when there is no such resource. */
    Map<String, Object> get(String logicalId) {
        return resources.get(logicalId);
    }

    String type(String logicalId) {
        return (String) resources.get(logicalId).get("Type");
    }

    Map<String, Object> properties(String logicalId) {
        return map(resources.get(logicalId).get("Properties"), logicalId + ".Properties");
    }

    List<String> idsOfType(String type) {
        return resources.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The logical id behind {@code !GetAtt X.Arn} or {@code !Ref X}. A literal ARN is refused: it names
     * something outside the template, which the local stack cannot create.
     */
    String referencedResource(Object node, String where, String expectedType) {
        String id = null;
        if (node instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            if (intrinsic.get("Ref") instanceof String ref) {
                id = ref;
            } else if (intrinsic.get("Fn::GetAtt") instanceof List<?> getAtt && getAtt.size() == 2) {
                id = String.valueOf(getAtt.get(0));
            }
        }
        if (id == null) {
            throw new IllegalArgumentException(where + " must be !GetAtt <Resource>.Arn or !Ref <Resource>, got: " + node);
        }
        if (!resources.containsKey(id)) {
            throw new IllegalArgumentException(where + " references unknown resource " + id);
        }
        if (!expectedType.equals(type(id))) {
            throw new IllegalArgumentException(where + " references " + id + ", which is not an " + expectedType);
        }
        return id;
    }
}
