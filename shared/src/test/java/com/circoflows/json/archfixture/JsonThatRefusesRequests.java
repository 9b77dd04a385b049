package com.circoflows.json.archfixture;

import com.circoflows.api.RequestBodies;
import com.circoflows.json.JsonObject;

/** Deliberately breaks the layering (LayeringRulesBiteTest): JSON support reaching back into the API edge. */
public final class JsonThatRefusesRequests {
    public JsonObject parse(String body) {
        return RequestBodies.parseObject(body);
    }
}
