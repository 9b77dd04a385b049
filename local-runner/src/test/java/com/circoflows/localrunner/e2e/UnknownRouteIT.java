package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Routes exist only as template.yaml declares them; anything else is a 404, as on an HTTP API. */
@EndToEnd
class UnknownRouteIT {
    private final E2e e2e;

    UnknownRouteIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void unknownApiRouteIs404() {
        HttpResult missing = e2e.demo().get("/api/nope");

        assertEquals(404, missing.status(), missing::describe);
    }

    @Test
    void knownPathWithAnUnroutedMethodIs404() {
        HttpResult missing = e2e.demo().post("/api/health", "{}");

        assertEquals(404, missing.status(), missing::describe);
    }
}
