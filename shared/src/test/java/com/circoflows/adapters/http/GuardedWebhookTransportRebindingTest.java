package com.circoflows.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.url.MerchantUrlPolicy.HostResolver;
import com.circoflows.domain.webhook.TransportResult;
import java.io.File;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding, end to end through HttpsURLConnection: our lookup says a public address, the
 * connection's own lookup says loopback. The second answer comes from a hosts file
 * ({@code jdk.net.hosts.file}), which is read once per JVM, hence the child JVM. Only the loopback
 * listener is ever contacted: the "public" first answer is made up and never connected to.
 */
class GuardedWebhookTransportRebindingTest {

    @Test
    void addressActuallyConnectedToIsCheckedBeforeTls(@TempDir Path dir) throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 rebind.attacker.example\n");
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync(() -> firstByteFrom(listener));

            Process child = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djdk.net.hosts.file=" + hosts,
                    "-cp", classPath(),
                    Probe.class.getName(),
                    Integer.toString(listener.getLocalPort())))
                    .redirectErrorStream(true)
                    .start();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "probe finished");
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();

            assertEquals("ssrf_blocked: 127.0.0.1", output);
            assertEquals(-1, firstByte.get(5, TimeUnit.SECONDS), "connected, then closed without a TLS byte");
        }
    }

    private static int firstByteFrom(ServerSocket listener) {
        try (Socket accepted = listener.accept(); InputStream in = accepted.getInputStream()) {
            accepted.setSoTimeout(10_000);
            return in.read();
        } catch (Exception e) {
            return -2;
        }
    }

    /** The compiled main and test classes; the probe needs nothing else. */
    private static String classPath() throws Exception {
        return Path.of(GuardedWebhookTransport.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator
                + Path.of(Probe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Runs in the child JVM: one delivery in production mode, prints the error. */
    static final class Probe {
        public static void main(String[] args) {
            HostResolver firstAnswerIsPublic = host ->
                    new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})};
            GuardedWebhookTransport transport =
                    new GuardedWebhookTransport(false, Duration.ofSeconds(5), firstAnswerIsPublic);
            TransportResult result = transport.post("https://rebind.attacker.example:" + args[0] + "/hook",
                    Map.of("content-type", "application/json"), "{}");
            System.out.println(result.error());
        }
    }
}
