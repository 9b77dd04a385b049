package com.circoflows.cli;

import com.circoflows.client.CircoFlowsClient;

/**
 * Which API a command talks to and as whom: {@code CIRCOFLOWS_API_KEY} and {@code CIRCOFLOWS_BASE_URL}
 * (default {@value #DEFAULT_BASE_URL}) from the command's environment, as the docs' examples read them.
 */
record ApiSettings(String apiKey, String baseUrl) {
    static final String API_KEY = "CIRCOFLOWS_API_KEY";
    static final String BASE_URL = "CIRCOFLOWS_BASE_URL";
    static final String DEFAULT_BASE_URL = "http://localhost:3000";

    /** @throws UsageException when no key is set: nothing can be asked of the API without one */
    static ApiSettings from(Terminal terminal) {
        String key = terminal.variable(API_KEY, null);
        if (key == null) {
            throw new UsageException(API_KEY + " is not set: export the test API key that bin/run-local printed"
                    + " (cf_test_…), or one from the dashboard's API keys page");
        }
        String url = terminal.variable(BASE_URL, DEFAULT_BASE_URL).strip();
        return new ApiSettings(key.strip(), url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    boolean liveKey() {
        return apiKey.startsWith("cf_live_");
    }

    CircoFlowsClient client() {
        return CircoFlowsClient.builder().apiKey(apiKey).baseUrl(baseUrl).build();
    }

    @Override
    public String toString() {
        return "ApiSettings[" + baseUrl + "]";
    }
}
