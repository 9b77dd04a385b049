package com.circoflows.client;

import com.circoflows.client.model.EventListParams;
import com.circoflows.client.model.WebhookEventSummary;

/** {@code /api/webhook-events}: the events made for the merchant and how their delivery went. */
public final class EventService {
    private static final String PATH = "/api/webhook-events";

    private final ApiRequestor requestor;

    EventService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    /** One page, newest first. */
    @ApiOperation("listWebhookEvents")
    public Page<WebhookEventSummary> list(EventListParams params) {
        return list(params, null);
    }

    /** Every event the filter keeps, newest first, fetched page by page as the iteration goes. */
    @ApiOperation("listWebhookEvents")
    public Iterable<WebhookEventSummary> listAll(EventListParams params) {
        return new AutoPagingIterable<>(cursor -> list(params, cursor));
    }

    /** The event with its payload and every delivery attempt. */
    @ApiOperation("getWebhookEvent")
    public WebhookEventDetail retrieve(String eventId) {
        return requestor.get(PATH + "/" + UrlParts.segment(eventId), WebhookEventDetail.class);
    }

    /** Delivers the event again (the same id and payload: deduplicate on the id). */
    @ApiOperation("redeliverWebhookEvent")
    public WebhookEventSummary redeliver(String eventId) {
        return redeliver(eventId, RequestOptions.none());
    }

    @ApiOperation("redeliverWebhookEvent")
    public WebhookEventSummary redeliver(String eventId, RequestOptions options) {
        return requestor.post(PATH + "/" + UrlParts.segment(eventId) + "/redeliver", null, options,
                WebhookEventSummary.class);
    }

    private Page<WebhookEventSummary> list(EventListParams params, String cursor) {
        return PageReader.fetch(requestor, PATH, params.toQuery(), cursor, "events", WebhookEventSummary.class);
    }
}
