package com.circoflows.localrunner.fuzz;

/** Where a fuzz case was answered, read from the answer itself. */
enum Stage {
    /** API Gateway's own answer: no route for the path (404), headers over its quota (431). */
    GATEWAY("refused by API Gateway"),
    AUTHENTICATION("401 before the endpoint"),
    RATE_LIMIT("429 before the endpoint"),
    IDEMPOTENCY_HEADER("Idempotency-Key refused before the endpoint"),
    ENDPOINT("reached the endpoint"),
    PAGE("answered by the page");

    private final String description;

    Stage(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
