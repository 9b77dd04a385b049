package com.circoflows.domain.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.url.MerchantUrlPolicy.HostResolver;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MerchantUrlPolicyTest {
    private final MerchantUrlPolicy production = new MerchantUrlPolicy(false);
    private final MerchantUrlPolicy local = new MerchantUrlPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = {
        "https://your-site.com/webhooks/payment",
        "https://hooks.example.com:8443/cf?source=circoflows",
        "https://8.8.8.8/hook",
        "https://[2606:4700:4700::1111]/hook",
    })
    void httpsWebhookOnThePublicInternetIsAccepted(String url) {
        assertEquals(url, production.checkWebhookUrl(url, "webhook_url"));
        assertEquals(url, local.checkWebhookUrl(url, "webhook_url"));
    }

    @Test
    void plainHttpWebhookIsRefused() {
        ApiException e = refusedWebhook(production, "http://your-site.com/webhooks/payment");

        assertEquals("The webhook URL must use https.", e.getMessage());
        refusedWebhook(local, "http://your-site.com/webhooks/payment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://10.0.0.5/hook", "https://192.168.1.10/hook", "https://172.16.0.1/hook",
        "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[fd00:ec2::254]/hook",
        "https://[fe80::1]/hook", "https://[::ffff:10.0.0.1]/hook",
    })
    void webhookUrlOnPrivateAddressIsRefusedOutsideLocalMode(String url) {
        ApiException e = refusedWebhook(production, url);

        assertEquals("The webhook URL must be publicly reachable.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.5/hook", "https://192.168.1.10/hook", "http://10.0.0.5/hook"})
    void privateNetworkStaysRefusedInLocalMode(String url) {
        refusedWebhook(local, url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://localhost:4000/hook", "http://127.0.0.1:4000/hook", "http://[::1]:4000/hook",
        "http://api.localhost/hook", "https://localhost/hook", "http://LOCALHOST:4000/hook",
    })
    void httpLoopbackWebhookAllowedOnlyInLocalMode(String url) {
        assertEquals(url, local.checkWebhookUrl(url, "webhook_url"));

        refusedWebhook(production, url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/",
    })
    void metadataAddressRefusedEvenInLocalMode(String url) {
        refusedWebhook(local, url);
        refusedWebhook(production, url);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ", "not a url", "/relative/path", "your-site.com/hook", "ftp://your-site.com/hook",
        "javascript:alert(1)", "https://", "https:///path-only", "mailto:ops@example.com",
    })
    void somethingThatIsNotAnAbsoluteHttpUrlIsRefused(String url) {
        refusedWebhook(production, url);
        ApiException e = assertThrows(ApiException.class, () -> production.checkReturnUrl(url, "return_url"));
        assertEquals(ErrorCode.INVALID_RETURN_URL, e.code());
        assertEquals("return_url", e.param());
    }

    @Test
    void urlWithCredentialsIsRefusedWithoutEchoingThem() {
        ApiException e = refusedWebhook(production, "https://admin:hunter2@your-site.com/hook");

        assertEquals("The URL must not contain credentials.", e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void overlongUrlIsRefused() {
        String url = "https://your-site.com/" + "a".repeat(2048);

        refusedWebhook(production, url);
    }

    @Test
    void paramNamedByTheCallerIsReported() {
        ApiException e = assertThrows(ApiException.class,
                () -> production.checkWebhookUrl("http://your-site.com", "session[webhook_url]"));

        assertEquals("session[webhook_url]", e.param());
        assertEquals(ErrorCode.INVALID_WEBHOOK_URL, e.code());
        assertEquals("invalid_request_error", e.code().type().wireName());
    }

    @Test
    void httpsReturnUrlIsAcceptedAnywhereEvenOnAnIntranetHost() {
        // Only the customer's browser follows it, so our network is not at risk.
        assertEquals("https://intranet.shop.local/return", production.checkReturnUrl("https://intranet.shop.local/return",
                "return_url"));
        assertEquals("https://your-site.com/payment/3ds-return?order=1",
                production.checkReturnUrl("https://your-site.com/payment/3ds-return?order=1", "return_url"));
    }

    @Test
    void httpReturnUrlIsAllowedOnlyInLocalMode() {
        assertEquals("http://localhost:8080/return", local.checkReturnUrl("http://localhost:8080/return", "return_url"));

        ApiException e = assertThrows(ApiException.class,
                () -> production.checkReturnUrl("http://your-site.com/return", "return_url"));
        assertEquals(ErrorCode.INVALID_RETURN_URL, e.code());
        assertEquals("The return URL must use https.", e.getMessage());
    }

    @Test
    void upperCaseHttpsSchemeIsAccepted() {
        production.checkWebhookUrl("HTTPS://your-site.com/webhooks/payment", "webhook_url");
        production.checkReturnUrl("HTTPS://your-site.com/return", "return_url");
    }

    @ParameterizedTest
    @FieldSource("com.circoflows.testing.EmbeddedIpv4#NON_PUBLIC")
    void ipv4InsideAnIpv6LiteralIsRefusedInEveryMode(String literal) {
        String url = "https://[" + literal + "]/hook";
        for (MerchantUrlPolicy policy : new MerchantUrlPolicy[] {production, local}) {
            assertEquals("The webhook URL must be publicly reachable.", refusedWebhook(policy, url).getMessage());
            ApiException resolved = assertThrows(ApiException.class,
                    () -> policy.checkWebhookUrlResolved(url, "webhook_url"), url);
            assertEquals(ErrorCode.INVALID_WEBHOOK_URL, resolved.code());
        }
    }

    @ParameterizedTest
    @FieldSource("com.circoflows.testing.EmbeddedIpv4#NON_PUBLIC")
    void nameResolvingToIpv4InsideIpv6IsRefusedInEveryMode(String literal) {
        HostResolver dns = host -> new InetAddress[] {InetAddress.getByName(literal)};
        for (boolean localMode : new boolean[] {false, true}) {
            ApiException e = assertThrows(ApiException.class, () -> new MerchantUrlPolicy(localMode, dns)
                    .checkWebhookUrlResolved("https://hooks.attacker.example/x", "url"), literal);

            assertEquals(ErrorCode.INVALID_WEBHOOK_URL, e.code());
            assertEquals("The webhook URL must be publicly reachable; its host resolves to a private address.",
                    e.getMessage());
        }
    }

    @ParameterizedTest
    @FieldSource("com.circoflows.testing.EmbeddedIpv4#IMPOSSIBLE_PORTS")
    void portOutsideOneTo65535IsRefusedForEveryUrl(int port) {
        for (String host : new String[] {"your-site.com", "8.8.8.8", "[2606:4700:4700::1111]"}) {
            String url = "https://" + host + ":" + port + "/hook";
            for (MerchantUrlPolicy policy : new MerchantUrlPolicy[] {production, local}) {
                assertEquals("The URL's port must be between 1 and 65535.", refusedWebhook(policy, url).getMessage());
                ApiException back = assertThrows(ApiException.class, () -> policy.checkReturnUrl(url, "return_url"));
                assertEquals(ErrorCode.INVALID_RETURN_URL, back.code());
                assertEquals("The URL's port must be between 1 and 65535.", back.getMessage());
            }
        }
        ApiException loopback = refusedWebhook(local, "http://127.0.0.1:" + port + "/hook");
        assertEquals("The URL's port must be between 1 and 65535.", loopback.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://your-site.com:1/hook", "https://your-site.com:65535/hook", "https://your-site.com:/hook"})
    void portsAtTheEdgesAndAnEmptyPortAreAccepted(String url) {
        assertEquals(url, production.checkWebhookUrl(url, "webhook_url"));
        assertEquals(url, production.checkReturnUrl(url, "return_url"));
    }

    @Test
    void returnUrlIsStoredWithSchemeAndHostInLowerCaseAndTheRestAsGiven() {
        assertEquals("https://shop.example:8443/Done/ORDER?Ref=AbC%2F#Top",
                production.checkReturnUrl("HTTPS://Shop.EXAMPLE:8443/Done/ORDER?Ref=AbC%2F#Top", "return_url"));
        assertEquals("http://localhost:8080/return", local.checkReturnUrl("HtTp://LocalHost:8080/return", "return_url"));
    }

    @Test
    void fullyQualifiedLocalhostIsRefusedOutsideLocalMode() {
        refusedWebhook(production, "https://localhost./hook");
        refusedWebhook(production, "https://api.localhost./hook");
    }

    private static ApiException refusedWebhook(MerchantUrlPolicy policy, String url) {
        ApiException e = assertThrows(ApiException.class, () -> policy.checkWebhookUrl(url, "webhook_url"),
                () -> url + " should be refused");
        assertEquals(ErrorCode.INVALID_WEBHOOK_URL, e.code());
        assertEquals("webhook_url", e.param());
        return e;
    }
}
