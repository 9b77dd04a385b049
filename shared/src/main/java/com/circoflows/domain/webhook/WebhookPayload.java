package com.circoflows.domain.webhook;

import com.circoflows.json.Json;
import com.circoflows.domain.time.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body merchants receive: {"id", "type", "created_at", "data"}; the same bytes are signed. */
public final class WebhookPayload {
    private WebhookPayload() {
    }

    public static String render(WebhookEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.eventId());
        body.put("type", event.type().wireName());
        body.put("created_at", Timestamps.format(event.createdAt()));
        body.put("data", event.data());
        return Json.write(body);
    }
}
