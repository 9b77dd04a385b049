package com.circoflows.client.model;

/** A new API key, of the calling key's mode, optionally named. */
public final class ApiKeyCreateParams {
    private final String name;

    private ApiKeyCreateParams(String name) {
        this.name = name;
    }

    public static ApiKeyCreateParams unnamed() {
        return new ApiKeyCreateParams(null);
    }

    /** @param name 1 to 100 printable characters on one line, say where the key is used */
    public static ApiKeyCreateParams named(String name) {
        return new ApiKeyCreateParams(name);
    }

    public String getName() {
        return name;
    }
}
