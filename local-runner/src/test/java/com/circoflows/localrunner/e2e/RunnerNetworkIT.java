package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner on a developer's machine: reachable from that machine only, and not frozen by slow clients. */
@EndToEnd
class RunnerNetworkIT {
    private static final int SLOW_CLIENTS = 70;

    private final E2e e2e;

    RunnerNetworkIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void byDefaultTheRunnerListensOnLoopbackSoAnotherInterfaceOfThisMachineIsRefused() throws Exception {
        assertTrue(e2e.runner().address().getAddress().isLoopbackAddress(), e2e.runner().address().toString());

        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this machine has no other interface to try");
        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class, () -> socket.connect(
                    new InetSocketAddress(external.get(), e2e.runner().port()), 5_000));
        }
    }

    @Test
    void seventyClientsHoldingUnfinishedRequestsOpenDoNotStopANormalRequest() throws Exception {
        String apiKey = e2e.newMerchant("Slow Clients Bystander").apiKey();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), e2e.runner().port());
                socket.setSoTimeout(20_000);
                // Half send their headers and one byte of a two-byte body; half never finish their headers.
                String unfinished = i % 2 == 0
                        ? "POST /api/keys HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 2\r\n\r\n{"
                        : "GET /api/health HTTP/1.1\r\nHost: localhost\r\n";
                send(socket, unfinished);
                slow.add(socket);
            }

            HttpResponse<String> normal = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(e2e.baseUrl() + "/api/health"))
                            .header("Authorization", "Bearer " + apiKey)
                            .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, normal.statusCode(), normal.body());
            for (int i = 0; i < slow.size(); i++) {
                Socket socket = slow.get(i);
                send(socket, i % 2 == 0 ? "}" : "\r\n");
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1)).readLine();
                assertEquals("HTTP/1.1 401", statusLine == null ? null : statusLine.substring(0, 12),
                        "slow client " + i + " was held open and answered once it finished: " + statusLine);
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static void send(Socket socket, String text) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(RunnerNetworkIT::upAndNotLoopback)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    private static boolean upAndNotLoopback(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
