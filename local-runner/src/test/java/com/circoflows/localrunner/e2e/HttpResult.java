package com.circoflows.localrunner.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpHeaders;

/** One HTTP exchange's answer; {@link #describe()} is the assertion message. */
public record HttpResult(String method, URI uri, int status, HttpHeaders headers, String body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
        return Json.parse(body, this::describe);
    }

    public JsonNode data() {
        return json().path("data");
    }

    public JsonNode error() {
        return json().path("error");
    }

    public String describe() {
        String shown = body == null ? "" : body.length() > 1500 ? body.substring(0, 1500) + "…" : body;
        return method + " " + uri.getRawPath() + " -> " + status + " " + shown;
    }
}
