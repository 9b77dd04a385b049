package com.circoflows.localstack;

import java.util.Objects;

/**
 * A template parameter.
 *
 * @param defaultValue null when the template gives no Default (the value must then be supplied)
 * @param noEcho       true for secrets that must not be printed
 */
public record ParameterDefinition(String name, String type, String defaultValue, boolean noEcho) {

    public ParameterDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
