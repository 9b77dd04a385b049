package com.circoflows.client;

import com.circoflows.client.model.Session;
import com.circoflows.client.model.SessionCreateParams;
import com.circoflows.client.model.SessionListParams;

/** {@code /api/hosted-payment}: sessions whose customers pay on the API's own payment page. */
public final class SessionService {
    private static final String PATH = "/api/hosted-payment";

    private final ApiRequestor requestor;

    SessionService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    /** A pending session; send the customer to {@link Session#getPaymentUrl()}. */
    @ApiOperation("createHostedPayment")
    public Session create(SessionCreateParams params) {
        return create(params, RequestOptions.none());
    }

    @ApiOperation("createHostedPayment")
    public Session create(SessionCreateParams params, RequestOptions options) {
        return requestor.post(PATH, params, options, Session.class);
    }

    @ApiOperation("getHostedPayment")
    public Session retrieve(String sessionId) {
        return requestor.get(PATH + "/" + UrlParts.segment(sessionId), Session.class);
    }

    /** One page, newest first. */
    @ApiOperation("listHostedPayments")
    public Page<Session> list(SessionListParams params) {
        return list(params, null);
    }

    /** Every session the filter keeps, newest first, fetched page by page as the iteration goes. */
    @ApiOperation("listHostedPayments")
    public Iterable<Session> listAll(SessionListParams params) {
        return new AutoPagingIterable<>(cursor -> list(params, cursor));
    }

    /** Cancels a pending session: its page no longer takes a payment. */
    @ApiOperation("cancelHostedPayment")
    public Session cancel(String sessionId) {
        return cancel(sessionId, RequestOptions.none());
    }

    @ApiOperation("cancelHostedPayment")
    public Session cancel(String sessionId, RequestOptions options) {
        return requestor.post(PATH + "/" + UrlParts.segment(sessionId) + "/cancel", null, options, Session.class);
    }

    private Page<Session> list(SessionListParams params, String cursor) {
        return PageReader.fetch(requestor, PATH, params.toQuery(), cursor, "sessions", Session.class);
    }
}
