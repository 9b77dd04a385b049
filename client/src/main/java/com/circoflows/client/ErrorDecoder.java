package com.circoflows.client;

import com.circoflows.client.CircoFlowsException.ErrorDetails;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Turns an error answer into the exception for its {@code type}. Answers without the API's envelope
 * (API Gateway's own 404 or 413, a proxy's 502 page) are classed by their status, and their body is
 * never quoted: it is not ours and could be anything.
 */
final class ErrorDecoder {
    private ErrorDecoder() {
    }

    static CircoFlowsException decode(int status, String body, String requestId) {
        JsonNode error = errorNode(body);
        if (error == null) {
            ErrorDetails details = new ErrorDetails(status, null, null, null, null, null, requestId);
            String message = "HTTP " + status + " without the API's error envelope";
            return byStatus(status, message, details);
        }
        ErrorDetails details = new ErrorDetails(status, text(error, "type"), text(error, "code"),
                text(error, "param"), text(error, "decline_code"), text(error, "transaction_id"), requestId);
        String message = text(error, "message");
        if (message == null) {
            message = details.code != null ? details.code : "HTTP " + status;
        }
        String type = details.type == null ? "" : details.type;
        switch (type) {
            case "card_error":
                return new CardException(message, details, null);
            case "invalid_request_error":
                return new InvalidRequestException(message, details, null);
            case "authentication_error":
                return new AuthenticationException(message, details, null);
            case "rate_limit_error":
                return new RateLimitException(message, details, null);
            case "idempotency_error":
                return new IdempotencyException(message, details, null);
            case "api_error":
                return new ApiException(message, details, null);
            default:
                return byStatus(status, message, details);
        }
    }

    private static CircoFlowsException byStatus(int status, String message, ErrorDetails details) {
        if (status == 401) {
            return new AuthenticationException(message, details, null);
        }
        if (status == 429) {
            return new RateLimitException(message, details, null);
        }
        if (status >= 400 && status < 500) {
            return new InvalidRequestException(message, details, null);
        }
        return new ApiException(message, details, null);
    }

    private static JsonNode errorNode(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            JsonNode error = Json.MAPPER.readTree(body).get("error");
            return error != null && error.isObject() ? error : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
