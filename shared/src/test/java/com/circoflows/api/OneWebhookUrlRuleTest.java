package com.circoflows.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.api.payments.DirectPaymentRequestParser;
import com.circoflows.api.sessions.HostedPaymentRequestParser;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.url.MerchantUrlPolicy.HostResolver;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.testing.InMemoryWebhookEndpointRepository;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestCardData;
import com.circoflows.testing.TestClocks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A webhook URL is judged the same wherever a merchant gives it: a direct payment's webhook_url, a
 * session's webhook_url and PUT /api/webhook-endpoint's url get the same answer (the same code and
 * message; only param names the field). A direct payment used to accept a host that does not
 * resolve, and then retried its delivery on DNS failure, while a session refused it.
 */
class OneWebhookUrlRuleTest {
    /** The network stays out: your-site.com resolves to a public address, internal.your-site.com to a private one. */
    private static final HostResolver DNS = host -> switch (host) {
        case "your-site.com" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
        case "internal.your-site.com" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
        case "v6.your-site.com" -> new InetAddress[] {InetAddress.getByName("64:ff9b::a9fe:a9fe")};
        case "localhost", "127.0.0.1" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        default -> throw new UnknownHostException(host);
    };

    @ParameterizedTest
    @ValueSource(strings = {
        "https://does-not-resolve.example/webhooks/payment", // unresolvable
        "https://internal.your-site.com/hook", // resolves to a private address
        "https://v6.your-site.com/hook", // resolves to the metadata address inside NAT64
        "https://[::169.254.169.254]/hook",
        "https://your-site.com:99999/hook",
        "http://your-site.com/hook",
    })
    void everyEntryPointRefusesTheSameUrlTheSameWay(String url) {
        for (boolean localMode : new boolean[] {false, true}) {
            List<ApiException> answers = answers(new MerchantUrlPolicy(localMode, DNS), url);

            for (ApiException answer : answers) {
                assertEquals("invalid_webhook_url", answer.code().code(), url);
                assertEquals(answers.get(0).getMessage(), answer.getMessage(), url);
            }
            assertEquals(List.of("webhook_url", "webhook_url", "url"), answers.stream().map(ApiException::param).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://your-site.com/webhooks/payment", "http://localhost:9/hook"})
    void everyEntryPointAcceptsTheSameUrl(String url) throws Throwable {
        MerchantUrlPolicy policy = new MerchantUrlPolicy(url.startsWith("http:"), DNS);
        for (Executable call : calls(policy, url)) {
            call.execute();
        }
    }

    @Test
    void anUnresolvableHostIsRefusedWithOneMessage() {
        String url = "https://does-not-resolve.example/webhooks/payment";
        for (ApiException answer : answers(new MerchantUrlPolicy(false, DNS), url)) {
            assertEquals("The webhook URL's host does not resolve.", answer.getMessage());
        }
    }

    private static List<ApiException> answers(MerchantUrlPolicy policy, String url) {
        return calls(policy, url).stream()
                .map(call -> assertThrows(ApiException.class, call, url))
                .toList();
    }

    /** Direct payment, session, webhook endpoint: each as its endpoint parses it. */
    private static List<Executable> calls(MerchantUrlPolicy policy, String url) {
        String payment = TestCardData.quickStartJson(TestCards.SUCCESS)
                .replace("\"amount\"", "\"webhook_url\": \"" + url + "\", \"amount\"");
        String session = "{\"amount\": 25000, \"currency\": \"USD\", \"description\": \"x\", \"webhook_url\": \""
                + url + "\"}";
        WebhookEndpointService endpoints = new WebhookEndpointService(new InMemoryWebhookEndpointRepository(),
                policy, TestClocks.fixed());
        return List.of(
                () -> new DirectPaymentRequestParser(policy, TestClocks.fixed()).parse(payment),
                () -> new HostedPaymentRequestParser(policy).parse(session),
                () -> endpoints.setUrl(PaymentWorld.MERCHANT_A, url));
    }
}
