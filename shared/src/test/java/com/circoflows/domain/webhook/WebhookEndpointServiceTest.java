package com.circoflows.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.webhook.WebhookEndpointService.EndpointChange;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.testing.InMemoryWebhookEndpointRepository;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestClocks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookEndpointServiceTest {
    private static final String MERCHANT = PaymentWorld.MERCHANT_A.merchantId();
    private static final String URL = "https://hooks.acme.example/circoflows";

    private final MutableClock clock = MutableClock.atTestNow();
    private final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
    private final List<String> resolved = new ArrayList<>();
    private final WebhookEndpointService service = service(false, "93.184.216.34");

    // --- modes -----------------------------------------------------------------------------------

    @Test
    void aLiveKeyCannotChangeTheEndpointOrItsSecretsAndNothingChanges() {
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.generate();
        WebhookEndpoint before = new WebhookEndpoint(MERCHANT, URL, current, previous,
                TestClocks.NOW.plus(Duration.ofHours(1)), false, null);
        endpoints.put(before);
        var liveKey = new com.circoflows.domain.merchant.AuthenticatedKey("LiveKeyOfMerchantA", MERCHANT,
                com.circoflows.domain.merchant.Mode.LIVE);

        for (Runnable call : List.<Runnable>of(() -> service.setUrl(liveKey, "https://hooks.acme.example/live"),
                () -> service.rotateSecret(liveKey), () -> service.expirePreviousSecret(liveKey))) {
            ApiException refused = assertThrows(ApiException.class, call::run);
            assertEquals(ErrorCode.LIVE_MODE_NOT_ENABLED, refused.code());
        }

        assertEquals(before, endpoints.stored(MERCHANT));
    }

    @Test
    void expiringThePreviousSecretEndsTheRotationsWindowNow() {
        endpoints.put(new WebhookEndpoint(MERCHANT, URL, WebhookSecret.generate(), null, null, false, null));
        service.rotateSecret(PaymentWorld.MERCHANT_A);

        assertTrue(service.expirePreviousSecret(PaymentWorld.MERCHANT_A));
        assertFalse(service.expirePreviousSecret(PaymentWorld.MERCHANT_A), "nothing left to expire");
        assertNull(endpoints.stored(MERCHANT).previousSecretAt(clock.instant()));
    }

    // --- set the URL ----------------------------------------------------------------------------

    @Test
    void firstSetUrlCreatesTheSecretAndShowsIt() {
        EndpointChange change = service.setUrl(PaymentWorld.MERCHANT_A, URL);

        assertNotNull(change.shownSecret());
        assertTrue(change.shownSecret().value().startsWith("whsec_"));
        assertEquals(change.shownSecret(), endpoints.stored(MERCHANT).secret());
        assertEquals(URL, change.endpoint().url());
        assertFalse(change.endpoint().disabled());
        assertEquals(List.of("hooks.acme.example"), resolved, "the name was resolved and checked");
    }

    @Test
    void laterSetUrlChangesTheUrlKeepsTheSecretAndDoesNotShowIt() {
        WebhookSecret first = service.setUrl(PaymentWorld.MERCHANT_A, URL).shownSecret();

        EndpointChange second = service.setUrl(PaymentWorld.MERCHANT_A, "https://hooks.acme.example/v2");

        assertNull(second.shownSecret());
        assertEquals("https://hooks.acme.example/v2", second.endpoint().url());
        assertEquals(first, endpoints.stored(MERCHANT).secret());
    }

    @Test
    void settingTheUrlReenablesAnEndpointDisabledByGone() {
        service.setUrl(PaymentWorld.MERCHANT_A, URL);
        endpoints.disable(MERCHANT, "410 Gone");

        EndpointChange change = service.setUrl(PaymentWorld.MERCHANT_A, URL);

        assertFalse(change.endpoint().disabled());
        assertNull(change.endpoint().disabledReason());
    }

    @Test
    void merchantsHaveTheirOwnSecrets() {
        WebhookSecret a = service.setUrl(PaymentWorld.MERCHANT_A, URL).shownSecret();
        WebhookSecret b = service.setUrl(PaymentWorld.MERCHANT_B, URL).shownSecret();

        assertNotNull(b);
        assertNotEquals(a, b);
    }

    // --- SSRF guard when the URL is given -------------------------------------------------------

    @Test
    void nameResolvingToAPrivateAddressIsRefused() {
        WebhookEndpointService privateDns = service(false, "10.0.0.5");

        ApiException e = assertThrows(ApiException.class, () -> privateDns.setUrl(PaymentWorld.MERCHANT_A, URL));

        assertInvalidWebhookUrl(e);
        assertTrue(endpoints.find(MERCHANT).isEmpty(), "nothing stored, no secret created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "169.254.169.254", "10.1.2.3", "172.16.0.9", "192.168.1.1", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "::1", "fd00:ec2::254", "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"})
    void nameResolvingToLoopbackMetadataOrOtherNonPublicAddressesIsRefused(String address) {
        ApiException e = assertThrows(ApiException.class,
                () -> service(false, address).setUrl(PaymentWorld.MERCHANT_A, URL));

        assertInvalidWebhookUrl(e);
    }

    @Test
    void oneNonPublicAddressAmongSeveralIsEnough() {
        WebhookEndpointService mixed = new WebhookEndpointService(endpoints, new MerchantUrlPolicy(false,
                host -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")}),
                clock);

        assertInvalidWebhookUrl(assertThrows(ApiException.class, () -> mixed.setUrl(PaymentWorld.MERCHANT_A, URL)));
    }

    @Test
    void nameThatDoesNotResolveIsRefused() {
        WebhookEndpointService nowhere = new WebhookEndpointService(endpoints, new MerchantUrlPolicy(false, host -> {
            throw new UnknownHostException(host);
        }), clock);

        assertInvalidWebhookUrl(assertThrows(ApiException.class, () -> nowhere.setUrl(PaymentWorld.MERCHANT_A, URL)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://LOCALHOST./hook",
        "https://[::1]/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fd00:ec2::254]/latest",
        "https://10.0.0.5/hook",
        "https://0x7f000001/hook",
        "https://2130706433/hook",
        "http://hooks.acme.example/plain-http",
        "ftp://hooks.acme.example/x",
        "https://user:pass@hooks.acme.example/x",
        "/relative/path",
        "",
    })
    void literalPrivateLoopbackMetadataAndNonHttpsUrlsAreRefused(String url) {
        assertInvalidWebhookUrl(assertThrows(ApiException.class, () -> service.setUrl(PaymentWorld.MERCHANT_A, url)));
        assertTrue(endpoints.find(MERCHANT).isEmpty());
    }

    @Test
    void localModeAllowsHttpAndLoopbackOnly() {
        WebhookEndpointService local = service(true, "127.0.0.1");

        assertEquals("http://127.0.0.1:9911/hook", local.setUrl(PaymentWorld.MERCHANT_A, "http://127.0.0.1:9911/hook")
                .endpoint().url());
        assertEquals("http://localhost:9911/hook", local.setUrl(PaymentWorld.MERCHANT_A, "http://localhost:9911/hook")
                .endpoint().url());
        assertInvalidWebhookUrl(assertThrows(ApiException.class,
                () -> local.setUrl(PaymentWorld.MERCHANT_A, "http://169.254.169.254/latest")));
        assertInvalidWebhookUrl(assertThrows(ApiException.class,
                () -> service(true, "169.254.169.254").setUrl(PaymentWorld.MERCHANT_A, URL)));
        assertInvalidWebhookUrl(assertThrows(ApiException.class,
                () -> service(true, "10.0.0.5").setUrl(PaymentWorld.MERCHANT_A, URL)));
    }

    // --- rotation -------------------------------------------------------------------------------

    @Test
    void rotateShowsANewSecretAndThePreviousOneSignsFor24Hours() {
        WebhookSecret first = service.setUrl(PaymentWorld.MERCHANT_A, URL).shownSecret();

        EndpointChange change = service.rotateSecret(PaymentWorld.MERCHANT_A);

        WebhookSecret next = change.shownSecret();
        assertNotNull(next);
        assertNotEquals(first, next);
        WebhookEndpoint stored = endpoints.stored(MERCHANT);
        assertEquals(next, stored.secret());
        assertEquals(first, stored.previousSecret());
        assertEquals(TestClocks.NOW.plus(Duration.ofHours(24)), stored.previousSecretExpiresAt());
        assertEquals(first, stored.previousSecretAt(TestClocks.NOW.plus(Duration.ofHours(23))));
        assertNull(stored.previousSecretAt(TestClocks.NOW.plus(Duration.ofHours(24))));
        assertEquals(URL, stored.url(), "rotation leaves the URL alone");
    }

    @Test
    void rotatingAgainDropsTheOldestSecret() {
        WebhookSecret first = service.setUrl(PaymentWorld.MERCHANT_A, URL).shownSecret();
        WebhookSecret second = service.rotateSecret(PaymentWorld.MERCHANT_A).shownSecret();
        clock.advance(Duration.ofHours(1));

        WebhookSecret third = service.rotateSecret(PaymentWorld.MERCHANT_A).shownSecret();

        WebhookEndpoint stored = endpoints.stored(MERCHANT);
        assertEquals(third, stored.secret());
        assertEquals(second, stored.previousSecret());
        assertNotEquals(first, stored.previousSecret());
        assertEquals(TestClocks.NOW.plus(Duration.ofHours(25)), stored.previousSecretExpiresAt());
    }

    @Test
    void rotatingBeforeAnyUrlCreatesTheFirstSecretWithNothingPrevious() {
        EndpointChange change = service.rotateSecret(PaymentWorld.MERCHANT_A);

        assertNotNull(change.shownSecret());
        assertEquals(change.shownSecret(), endpoints.stored(MERCHANT).secret());
        assertNull(endpoints.stored(MERCHANT).previousSecret());
        assertNull(service.setUrl(PaymentWorld.MERCHANT_A, URL).shownSecret(), "already shown by the rotation");
    }

    private WebhookEndpointService service(boolean localMode, String resolvesTo) {
        return new WebhookEndpointService(endpoints, new MerchantUrlPolicy(localMode, host -> {
            resolved.add(host);
            return new InetAddress[] {InetAddress.getByName(resolvesTo)};
        }), clock);
    }

    private static void assertInvalidWebhookUrl(ApiException e) {
        assertEquals(ErrorCode.INVALID_WEBHOOK_URL, e.code());
        assertEquals("url", e.param());
    }
}
