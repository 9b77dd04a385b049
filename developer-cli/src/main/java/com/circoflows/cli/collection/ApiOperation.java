package com.circoflows.cli.collection;

import java.util.List;
import java.util.Map;

/**
 * One operation of the spec: its method (upper case), its path template, its definition and its
 * parameters (the path item's and its own, references resolved).
 */
public record ApiOperation(String method, String path, Map<String, Object> definition,
        List<Map<String, Object>> parameters) {

    public String operationId() {
        return Maps.text(definition, "operationId");
    }

    /** What a person calls it: the summary, else the operationId, else method and path. */
    public String title() {
        String summary = Maps.text(definition, "summary");
        if (summary != null && !summary.isBlank()) {
            return summary.trim();
        }
        return operationId() != null ? operationId() : method + " " + path;
    }

    /** The first tag, which files the operation in one folder; null when it has none. */
    public String firstTag() {
        List<Object> tags = Maps.list(definition, "tags");
        return tags.isEmpty() ? null : String.valueOf(tags.get(0));
    }

    public String description() {
        String description = Maps.text(definition, "description");
        return description == null ? "" : description.trim();
    }

    /** True when the operation declares {@code security: []}: it takes no API key. */
    public boolean isPublic() {
        Object security = definition.get("security");
        return security instanceof List && ((List<?>) security).isEmpty();
    }

    public List<Map<String, Object>> parametersIn(String place) {
        return parameters.stream().filter(parameter -> place.equals(parameter.get("in"))).toList();
    }
}
