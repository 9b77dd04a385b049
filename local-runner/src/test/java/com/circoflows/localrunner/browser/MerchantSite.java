package com.circoflows.localrunner.browser;

import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Reply;
import java.net.URI;
import java.util.List;

/**
 * The merchant's own website for tests: the suite's {@link WebhookReceiver} on 127.0.0.1 (another site
 * than the payment page's localhost) serving a thank-you page at the return path (404 elsewhere), and
 * recording every URI the customer's browser arrives with.
 */
final class MerchantSite implements AutoCloseable {
    static final String RETURN_PATH = "/payment/success";
    private static final String PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Thank you</title>"
            + "<link rel=\"icon\" href=\"data:,\"></head><body><h1>Thanks for your order</h1></body></html>";

    private final WebhookReceiver server;

    private MerchantSite(WebhookReceiver server) {
        this.server = server;
    }

    static MerchantSite start() {
        WebhookReceiver server = WebhookReceiver.start().answer(request -> Reply.withText(
                request.path().equals(RETURN_PATH) ? 200 : 404, "text/html; charset=utf-8", PAGE));
        return new MerchantSite(server);
    }

    String origin() {
        return server.origin();
    }

    /** Where the merchant asks to have its customers sent back: {origin}/payment/success?order={order}. */
    String returnUrl(String order) {
        return origin() + RETURN_PATH + "?order=" + order;
    }

    List<URI> arrivals() {
        return server.received().stream()
                .map(arrival -> URI.create(arrival.path() + (arrival.query() == null ? "" : "?" + arrival.query())))
                .toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
