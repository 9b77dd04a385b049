package com.circoflows.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.url.MerchantUrlPolicy.HostResolver;
import com.circoflows.domain.webhook.TransportResult;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Targets that must be refused before any connection. No test here may send a packet: the hosts
 * are literals or names known only to the fake DNS below (the real DNS is never asked), and the
 * timeout is short so that a regression fails fast instead of hanging on an unreachable address.
 */
class GuardedWebhookTransportSsrfTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Map<String, String> HEADERS = Map.of("content-type", "application/json");
    private static final String BODY = "{}";

    /** Fake DNS: a few names pointing where an attacker would like them to. */
    private static final HostResolver FAKE_DNS = host -> switch (host) {
        case "metadata.attacker.example" -> addresses("169.254.169.254");
        case "internal.attacker.example" -> addresses("10.0.0.1");
        case "vpc.attacker.example" -> addresses("172.31.5.9");
        case "unique-local.attacker.example" -> addresses("fd00:ec2::254");
        case "multicast.attacker.example" -> addresses("224.0.0.251");
        case "anything.attacker.example" -> addresses("0.0.0.0");
        case "half-public.attacker.example" -> addresses("93.184.216.34", "10.0.0.1");
        case "loopback.attacker.example", "localhost" -> addresses("127.0.0.1", "::1");
        case "public.example.com" -> addresses("93.184.216.34");
        default -> throw new UnknownHostException(host);
    };

    private final GuardedWebhookTransport local = new GuardedWebhookTransport(true, SHORT, FAKE_DNS);
    private final GuardedWebhookTransport production = new GuardedWebhookTransport(false, SHORT, FAKE_DNS);

    @ParameterizedTest
    @ValueSource(strings = {
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "https://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/hook",
        "https://10.0.0.1/hook",
        "https://192.168.1.1/hook",
        "https://[fd00:ec2::254]/latest/meta-data/",
        "https://[::ffff:10.0.0.1]/hook",
        "https://0.0.0.0/hook",
        "http://0.0.0.0:8080/hook",
        "https://0x0a000001/hook",
        "https://user:pass@public.example.com/hook",
        "ftp://public.example.com/hook",
        "not a url",
    })
    void literalInternalAddressesAndBadUrlsAreRefusedEvenInLocalMode(String url) {
        TransportResult result = local.post(url, HEADERS, BODY);

        assertTrue(result.error().startsWith("invalid_url: "), result.toString());
        assertRefusedWithoutConnecting(result);
    }

    @ParameterizedTest
    @CsvSource({
        "https://metadata.attacker.example/latest, 169.254.169.254",
        "https://internal.attacker.example/hook, 10.0.0.1",
        "https://vpc.attacker.example/hook, 172.31.5.9",
        "https://unique-local.attacker.example/hook, fd00:ec2:0:0:0:0:0:254",
        "https://multicast.attacker.example/hook, 224.0.0.251",
        "https://anything.attacker.example/hook, 0.0.0.0",
        "https://half-public.attacker.example/hook, 10.0.0.1",
    })
    void namesResolvingToInternalAddressesAreSsrfBlockedInEveryMode(String url, String address) {
        for (GuardedWebhookTransport transport : new GuardedWebhookTransport[] {local, production}) {
            TransportResult result = transport.post(url, HEADERS, BODY);

            assertEquals("ssrf_blocked: " + address, result.error());
            assertRefusedWithoutConnecting(result);
        }
    }

    @Test
    void nameResolvingToLoopbackIsBlockedOutsideLocalMode() {
        TransportResult result = production.post("https://loopback.attacker.example/hook", HEADERS, BODY);

        assertEquals("ssrf_blocked: 127.0.0.1", result.error());
        assertRefusedWithoutConnecting(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost:8080/hook", "https://127.0.0.1/hook",
        "https://[::1]/hook", "https://localhost/hook"})
    void loopbackIsRefusedOutsideLocalMode(String url) {
        TransportResult result = production.post(url, HEADERS, BODY);

        assertTrue(result.error().startsWith("invalid_url: "), result.toString());
        assertRefusedWithoutConnecting(result);
    }

    @Test
    void unknownHostIsADnsFailure() {
        TransportResult result = production.post("https://no-such-host.attacker.example/hook", HEADERS, BODY);

        assertEquals("dns_failure: no-such-host.attacker.example", result.error());
    }

    @Test
    void plainHttpIsPinnedToTheLoopbackAddressJustChecked() throws Exception {
        URL target = local.checkedTarget("http://localhost:8080/hooks/cf?merchant=m_1");

        assertEquals(new URL("http://127.0.0.1:8080/hooks/cf?merchant=m_1"), target);
    }

    @Test
    void plainHttpToALoopbackNameThatResolvesElsewhereIsBlocked() {
        HostResolver rebound = host -> addresses("127.0.0.1", "93.184.216.34");
        GuardedWebhookTransport transport = new GuardedWebhookTransport(true, SHORT, rebound);

        GuardedWebhookTransport.Refusal refusal = assertThrows(GuardedWebhookTransport.Refusal.class,
                () -> transport.checkedTarget("http://app.localhost:8080/hook"));

        assertEquals("ssrf_blocked: 93.184.216.34", refusal.getMessage());
    }

    @ParameterizedTest
    @FieldSource("com.circoflows.testing.EmbeddedIpv4#NON_PUBLIC")
    void ipv4InsideAnIpv6LiteralIsRefusedAtDeliveryInEveryMode(String literal) {
        for (GuardedWebhookTransport transport : new GuardedWebhookTransport[] {local, production}) {
            TransportResult result = transport.post("https://[" + literal + "]/hook", HEADERS, BODY);

            assertEquals("invalid_url: The webhook URL must be publicly reachable.", result.error(), literal);
            assertRefusedWithoutConnecting(result);
        }
    }

    /** DNS can answer with these too (an AAAA record), so the same unwrapping applies to resolved addresses. */
    @ParameterizedTest
    @FieldSource("com.circoflows.testing.EmbeddedIpv4#NON_PUBLIC")
    void nameResolvingToIpv4InsideIpv6IsSsrfBlockedInEveryMode(String literal) throws UnknownHostException {
        InetAddress inside = InetAddress.getByName(literal);
        HostResolver aaaa = host -> new InetAddress[] {inside};
        for (boolean localMode : new boolean[] {true, false}) {
            TransportResult result = new GuardedWebhookTransport(localMode, SHORT, aaaa)
                    .post("https://aaaa.attacker.example/hook", HEADERS, BODY);

            assertEquals("ssrf_blocked: " + inside.getHostAddress(), result.error(), literal);
            assertRefusedWithoutConnecting(result);
        }
    }

    @ParameterizedTest
    @FieldSource("com.circoflows.testing.EmbeddedIpv4#IMPOSSIBLE_PORTS")
    void portOutsideOneTo65535IsRefusedAtDelivery(int port) {
        for (String url : new String[] {"https://public.example.com:" + port + "/hook", "http://127.0.0.1:" + port + "/hook"}) {
            TransportResult result = local.post(url, HEADERS, BODY);

            assertEquals("invalid_url: The URL's port must be between 1 and 65535.", result.error(), url);
            assertRefusedWithoutConnecting(result);
        }
    }

    @Test
    void httpsKeepsTheHostNameForCertificateChecks() throws Exception {
        assertEquals(new URL("https://public.example.com/hook"), production.checkedTarget("https://public.example.com/hook"));
    }

    private static void assertRefusedWithoutConnecting(TransportResult result) {
        assertNull(result.httpStatus());
        assertTrue(result.durationMillis() < SHORT.toMillis(), "refused before any connection: " + result);
    }

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] out = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            out[i] = InetAddress.getByName(literals[i]); // literals only: never a DNS query
        }
        return out;
    }
}
