package com.circoflows.functions.threedspage;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.withBody;
import static com.circoflows.testsupport.SampleEvents.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The customer-facing challenge page as Lambda runs it, fed events/three-ds-page/*.json. */
@ExtendWith(HandlerStackExtension.class)
class ThreeDSecurePageHandlerIT {
    private static final String FUNCTION = "ThreeDSecurePageFunction";
    private static final Pattern CSRF_TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private static HandlerStack stack;
    private static ThreeDSecurePageHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, ThreeDSecurePageHandler.class, ThreeDSecurePageHandler::new);
    }

    @Test
    void showEventRendersTheChallengeForThePendingPayment() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/three-d-secure.json");
        APIGatewayV2HTTPEvent event = event("three-ds-page/show.json");
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertNull(event.getBody());

        APIGatewayV2HTTPResponse response = invoke(withTransactionId(event, payment.transactionId()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("content-type"));
        assertEquals("DENY", response.getHeaders().get("x-frame-options"));
        assertEquals("no-store", response.getHeaders().get("cache-control"));
        String csp = response.getHeaders().get("content-security-policy");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
        String html = response.getBody();
        assertTrue(html.startsWith("<!doctype html>"));
        assertTrue(html.contains("Confirm it&#39;s you"), html);
        assertTrue(html.contains("<dd>Events Merchant</dd>"), "merchant name: " + html);
        assertTrue(html.contains("<dd>$10.00</dd>"), "amount: " + html);
        assertTrue(html.contains("visa •••• 3220"), "card: " + html);
        assertTrue(html.contains("value=\"authenticate\"") && html.contains("value=\"fail\""));
        assertTrue(CSRF_TOKEN.matcher(html).find(), "the form carries a CSRF token");
        assertFalse(html.contains("4000000000003220"));
        String cookie = pageCookie(response);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/pay"),
                cookie);
        assertFalse(cookie.contains("Secure"), "local mode serves http://localhost, so no Secure flag");
        assertEquals(TransactionStatus.PENDING, stack.payments().storedTransaction(payment.transactionId()).status());
    }

    @Test
    void submitWithoutTokenEventIsRefusedAndRecordsNothing() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/three-d-secure.json");
        APIGatewayV2HTTPEvent event = event("three-ds-page/submit-without-token.json");
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertTrue(event.getIsBase64Encoded(), "HTTP APIs base64-encode form bodies");
        assertEquals("outcome=authenticate",
                new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse response = invoke(withTransactionId(event, payment.transactionId()));

        assertEquals(403, response.getStatusCode(), response.getBody());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("content-type"));
        assertTrue(response.getBody().contains("This page has expired"), response.getBody());
        Transaction stored = stack.payments().storedTransaction(payment.transactionId());
        assertEquals(ThreeDSecureStatus.REQUIRED, stored.threeDSecure());
        assertEquals(1, stored.version());
    }

    @Test
    void customerWhoAuthenticatesWithTheFormsTokenPassesTheChallenge() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/three-d-secure.json");
        APIGatewayV2HTTPResponse page = invoke(withTransactionId(event("three-ds-page/show.json"),
                payment.transactionId()));

        APIGatewayV2HTTPResponse response = invoke(submit(payment.transactionId(), page, "authenticate"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("Authentication complete"), response.getBody());
        assertTrue(response.getBody().contains("You approved the payment of $10.00 to Events Merchant"),
                response.getBody());
        Transaction stored = stack.payments().storedTransaction(payment.transactionId());
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, stored.threeDSecure());
        assertEquals(TransactionStatus.PENDING, stored.status(), "completion waits for the merchant's confirm-3ds");
    }

    @Test
    void customerWhoFailsTheChallengeFailsThePaymentAndQueuesPaymentFailed() {
        stack.webhooks().setWebhookEndpoint(stack.merchants().sampleMerchantId(), SampleEvents.LOCAL_WEBHOOK_URL);
        CreatedPayment payment = stack.payments().pay("direct-payment-create/three-d-secure.json");
        APIGatewayV2HTTPResponse page = invoke(withTransactionId(event("three-ds-page/show.json"),
                payment.transactionId()));
        // Purged, not drained: a job left in flight by another test would come back into the count below.
        stack.queues().purge("WebhookQueue");

        APIGatewayV2HTTPResponse response = invoke(submit(payment.transactionId(), page, "fail"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("Authentication failed"), response.getBody());
        Transaction stored = stack.payments().storedTransaction(payment.transactionId());
        assertEquals(TransactionStatus.FAILED, stored.status());
        assertEquals(ThreeDSecureStatus.FAILED, stored.threeDSecure());
        List<WebhookEventType> types = stack.webhooks().webhookEvents(payment.transactionId()).stream()
                .map(e -> e.type()).toList();
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_FAILED), types);
        assertEquals(1, stack.webhooks().drainWebhookJobs().size());
    }

    @Test
    void tokenFromAnotherPaymentsPageIsRefused() {
        CreatedPayment mine = stack.payments().pay("direct-payment-create/three-d-secure.json");
        CreatedPayment other = stack.payments().pay("direct-payment-create/three-d-secure.json");
        APIGatewayV2HTTPResponse otherPage = invoke(withTransactionId(event("three-ds-page/show.json"),
                other.transactionId()));

        APIGatewayV2HTTPResponse response = invoke(submit(mine.transactionId(), otherPage, "authenticate"));

        assertEquals(403, response.getStatusCode(), response.getBody());
        assertEquals(ThreeDSecureStatus.REQUIRED, stack.payments().storedTransaction(mine.transactionId()).threeDSecure());
    }

    @Test
    void showEventForAnUnknownPaymentIsA404Page() {
        APIGatewayV2HTTPResponse response = invoke(event("three-ds-page/show.json"));

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("content-type"));
        assertTrue(response.getBody().contains("This payment does not exist"), response.getBody());
    }

    /**
     * The browser's post of the challenge form: events/three-ds-page/submit-without-token.json with
     * the page's cookie (API Gateway v2 puts it in {@code cookies}) and the form's CSRF token added.
     */
    private static APIGatewayV2HTTPEvent submit(String transactionId, APIGatewayV2HTTPResponse page, String outcome) {
        Matcher token = CSRF_TOKEN.matcher(page.getBody());
        assertTrue(token.find(), "no CSRF token on the page: " + page.getBody());
        String cookie = pageCookie(page);
        APIGatewayV2HTTPEvent event = withTransactionId(event("three-ds-page/submit-without-token.json"),
                transactionId);
        event.setCookies(List.of(cookie.substring(0, cookie.indexOf(';'))));
        String form = "csrf_token=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
                + "&outcome=" + outcome;
        return withBody(event, form, true);
    }

    private static String pageCookie(APIGatewayV2HTTPResponse response) {
        assertNotNull(response.getCookies(), "no cookies on the page response");
        return response.getCookies().stream().filter(c -> c.startsWith("cf_page_nonce=")).findFirst()
                .orElseThrow(() -> new AssertionError("no cf_page_nonce cookie: " + response.getCookies()));
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
