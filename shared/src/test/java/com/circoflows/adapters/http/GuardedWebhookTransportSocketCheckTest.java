package com.circoflows.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.webhook.TransportResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The DNS-rebinding defence for https: the address a socket actually connected to is checked
 * before TLS starts. Plain loopback sockets stand in for the connection HttpsURLConnection makes.
 */
class GuardedWebhookTransportSocketCheckTest {
    private final SSLSocketFactory tls = HttpsURLConnection.getDefaultSSLSocketFactory();
    private final List<Socket> watched = new CopyOnWriteArrayList<>();
    private ServerSocket listener;

    @BeforeEach
    void listen() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
    }

    @Test
    void socketConnectedToLoopbackIsRefusedBeforeTlsOutsideLocalMode() throws Exception {
        AddressCheckingSslSocketFactory factory =
                new AddressCheckingSslSocketFactory(tls, OutboundAddressRule.forMode(false), watched::add);
        try (Socket connected = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket accepted = listener.accept()) {

            BlockedAddressException e = assertThrows(BlockedAddressException.class,
                    () -> factory.createSocket(connected, "hooks.merchant.example", listener.getLocalPort(), true));

            assertEquals("127.0.0.1", e.address());
            assertTrue(connected.isClosed(), "the refused socket is closed, not left to the caller");
            assertEquals(List.of(connected), watched);
            accepted.setSoTimeout(2_000);
            assertEquals(-1, accepted.getInputStream().read(), "not a single TLS byte was sent");
        }
    }

    @Test
    void socketConnectedToLoopbackGetsTlsInLocalMode() throws Exception {
        AddressCheckingSslSocketFactory factory =
                new AddressCheckingSslSocketFactory(tls, OutboundAddressRule.forMode(true), watched::add);
        try (Socket connected = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket accepted = listener.accept();
                Socket layered = factory.createSocket(connected, "localhost", listener.getLocalPort(), true)) {

            assertInstanceOf(SSLSocket.class, layered);
            assertEquals(List.of(connected), watched);
        }
    }

    /**
     * The connection's own address, whatever name led there: a socket that reports it is connected to
     * an IPv6 address carrying a non-public IPv4 address is closed before TLS, in every mode.
     */
    @ParameterizedTest
    @FieldSource("com.circoflows.testing.EmbeddedIpv4#NON_PUBLIC")
    void socketConnectedToIpv4InsideIpv6IsRefusedBeforeTls(String literal) throws Exception {
        InetAddress inside = InetAddress.getByName(literal);
        for (boolean localMode : new boolean[] {true, false}) {
            AddressCheckingSslSocketFactory factory =
                    new AddressCheckingSslSocketFactory(tls, OutboundAddressRule.forMode(localMode), watched::add);
            Socket connected = new Socket() {
                @Override
                public InetAddress getInetAddress() {
                    return inside;
                }
            };

            BlockedAddressException e = assertThrows(BlockedAddressException.class,
                    () -> factory.createSocket(connected, "hooks.merchant.example", 443, true), literal);

            assertEquals(inside.getHostAddress(), e.address());
            assertTrue(connected.isClosed(), "the refused socket is closed");
        }
    }

    @Test
    void unconnectedSocketIsRefusedByAddress() throws Exception {
        AddressCheckingSslSocketFactory factory =
                new AddressCheckingSslSocketFactory(tls, OutboundAddressRule.forMode(true), watched::add);
        try (Socket unconnected = new Socket()) {
            assertThrows(BlockedAddressException.class,
                    () -> factory.createSocket(unconnected, "localhost", 443, true));
        }
    }

    /**
     * HttpsURLConnection asks for an unconnected socket first; the "not implemented" answer is what
     * makes it connect a plain socket itself and hand it to the checked layering method.
     */
    @Test
    void unconnectedSocketsAreNotOfferedSoTheConnectionMustLayer() {
        AddressCheckingSslSocketFactory factory =
                new AddressCheckingSslSocketFactory(tls, OutboundAddressRule.forMode(true), watched::add);

        SocketException e = assertThrows(SocketException.class, factory::createSocket);

        assertInstanceOf(UnsupportedOperationException.class, e.getCause());
    }

    /** Called by HttpsURLConnection as a "last resort" right after a refusal: it must not connect. */
    @Test
    void connectingByNameOrAddressIsNeverOffered() throws Exception {
        AddressCheckingSslSocketFactory factory =
                new AddressCheckingSslSocketFactory(tls, OutboundAddressRule.forMode(true), watched::add);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int port = listener.getLocalPort();
        listener.setSoTimeout(200);

        assertThrows(SocketException.class, () -> factory.createSocket("127.0.0.1", port));
        assertThrows(SocketException.class, () -> factory.createSocket("127.0.0.1", port, loopback, 0));
        assertThrows(SocketException.class, () -> factory.createSocket(loopback, port));
        assertThrows(SocketException.class, () -> factory.createSocket(loopback, port, loopback, 0));
        assertThrows(SocketTimeoutException.class, listener::accept, "no connection was made");
    }

    /**
     * End to end in local mode: the TLS ClientHello reaches the listener, which can only happen
     * through the checked layering method (every other way to get a TLS socket from the factory
     * throws). The listener is not a TLS server, so the outcome is a tls_error.
     */
    @Test
    void httpsDeliveryLayersTlsThroughTheCheckedFactory() throws Exception {
        CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync(() -> {
            try (Socket accepted = listener.accept(); InputStream in = accepted.getInputStream()) {
                accepted.setSoTimeout(2_000);
                byte[] header = in.readNBytes(5);
                // Read the whole ClientHello record so closing sends a clean FIN, not a reset.
                in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
                return header[0] & 0xff;
            } catch (Exception e) {
                return -2;
            }
        });
        GuardedWebhookTransport transport = new GuardedWebhookTransport(true, Duration.ofSeconds(1));

        TransportResult result = transport.post("https://127.0.0.1:" + listener.getLocalPort() + "/hook",
                Map.of("content-type", "application/json"), "{}");

        assertEquals(0x16, firstByte.get(3, TimeUnit.SECONDS), "a TLS handshake record");
        assertTrue(result.error().startsWith("tls_error: "), result.toString());
    }

    @Test
    void failuresAreReportedAsShortMachineWords() {
        BlockedAddressException blocked = new BlockedAddressException(InetAddress.getLoopbackAddress());

        assertEquals("ssrf_blocked: 127.0.0.1", TransportErrors.describe(blocked, false));
        assertEquals("ssrf_blocked: 127.0.0.1", TransportErrors.describe(new IOException("wrapped", blocked), false));
        assertEquals("timeout", TransportErrors.describe(blocked, true), "the deadline explains any failure after it");
        assertEquals("timeout", TransportErrors.describe(new SocketTimeoutException("Read timed out"), false));
        assertEquals("connection_refused", TransportErrors.describe(new ConnectException("Connection refused"), false));
        assertEquals("connection_reset", TransportErrors.describe(new SocketException("Connection reset"), false));
        assertEquals("dns_failure: nowhere.example", TransportErrors.describe(new UnknownHostException("nowhere.example"), false));
        assertEquals("tls_error: PKIX path building failed",
                TransportErrors.describe(new SSLHandshakeException("PKIX path building failed"), false));
    }
}
