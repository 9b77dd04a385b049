package com.circoflows.adapters.http;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.url.MerchantUrlPolicy.HostResolver;
import com.circoflows.domain.webhook.TransportResult;
import com.circoflows.domain.webhook.WebhookTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs webhooks to merchant URLs, which are untrusted: the URL could point into our own network
 * (SSRF), its DNS could change between our check and the connection (rebinding), and the endpoint
 * could redirect, stall or answer with gigabytes. So the URL is checked again, every resolved address
 * must be public (loopback too in local mode), the address actually connected to is checked before
 * the TLS handshake, redirects are not followed, the whole exchange has a deadline and only the
 * first 4 KB of the answer are read.
 *
 * <p>HttpURLConnection rather than java.net.http.HttpClient because only it lets us see the
 * connected socket (through the SSLSocketFactory). Thread-safe: per-request state stays in the call.
 */
public final class GuardedWebhookTransport implements WebhookTransport {
    private static final int MAX_RESPONSE_BYTES = 4096;

    private final MerchantUrlPolicy urlPolicy;
    private final OutboundAddressRule addressRule;
    private final HostResolver resolver;
    private final Duration timeout;
    private final SSLSocketFactory tls;

    /** @param localMode the local runner and tests: http and loopback targets allowed, nothing more */
    public GuardedWebhookTransport(boolean localMode, Duration timeout) {
        this(localMode, timeout, InetAddress::getAllByName);
    }

    /** With a fake DNS, so tests can point names at addresses that must be refused. */
    GuardedWebhookTransport(boolean localMode, Duration timeout, HostResolver resolver) {
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a webhook timeout is positive and under 24 days");
        }
        this.urlPolicy = new MerchantUrlPolicy(localMode);
        this.addressRule = OutboundAddressRule.forMode(localMode);
        this.resolver = resolver;
        this.timeout = timeout;
        this.tls = HttpsURLConnection.getDefaultSSLSocketFactory();
    }

    @Override
    public TransportResult post(String url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        URL target;
        try {
            target = checkedTarget(url);
        } catch (Refusal refusal) {
            return TransportResult.failure(refusal.getMessage(), millisSince(started));
        }
        return exchange(target, headers, body.getBytes(StandardCharsets.UTF_8), started);
    }

    /** Where to connect, once the URL and every address its host resolves to are acceptable. */
    URL checkedTarget(String url) throws Refusal {
        URI uri;
        try {
            uri = URI.create(urlPolicy.checkWebhookUrl(url, "webhook_url"));
        } catch (ApiException e) {
            throw new Refusal("invalid_url: " + e.getMessage());
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refusal("dns_failure: " + host);
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refusal("dns_failure: " + host);
        }
        for (InetAddress address : addresses) {
            if (!addressRule.allows(address)) {
                throw new Refusal("ssrf_blocked: " + address.getHostAddress());
            }
        }
        try {
            return "https".equalsIgnoreCase(uri.getScheme()) ? uri.toURL() : pinnedPlainHttp(uri, addresses);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new Refusal("invalid_url: " + e.getMessage());
        }
    }

    /**
     * Plain http is only for loopback in local mode. Without TLS there is no hook on the connected
     * socket, so the URL is pinned to the address just checked instead of letting the connection
     * resolve the name again (the Host header then names that address).
     */
    private static URL pinnedPlainHttp(URI uri, InetAddress[] addresses) throws Refusal, MalformedURLException {
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new Refusal("ssrf_blocked: " + address.getHostAddress());
            }
        }
        InetAddress checked = addresses[0];
        String host = checked instanceof Inet6Address ? "[" + checked.getHostAddress() + "]" : checked.getHostAddress();
        String file = (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new URL("http", host, uri.getPort(), file);
    }

    private TransportResult exchange(URL target, Map<String, String> headers, byte[] body, long started) {
        try (ExchangeDeadline deadline = ExchangeDeadline.start(timeout)) {
            HttpURLConnection connection = null;
            try {
                // NO_PROXY: through a proxy, the socket we check would be the proxy's, not the target's.
                connection = (HttpURLConnection) target.openConnection(Proxy.NO_PROXY);
                deadline.watch(connection);
                if (connection instanceof HttpsURLConnection https) {
                    // A new factory per request also keeps the JDK's keep-alive cache (keyed by
                    // factory) from handing us a pooled socket that would skip the check.
                    https.setSSLSocketFactory(new AddressCheckingSslSocketFactory(tls, addressRule, deadline::watch));
                }
                prepare(connection, headers, body.length);
                connection.connect();
                deadline.throwIfExpired();
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
                int status = connection.getResponseCode();
                if (status < 100) {
                    return TransportResult.failure("invalid_response: not an HTTP response", millisSince(started));
                }
                String snippet = readCapped(status >= 400 ? connection.getErrorStream() : connection.getInputStream(),
                        deadline);
                return TransportResult.response(status, millisSince(started), snippet);
            } catch (IOException | RuntimeException e) {
                return TransportResult.failure(TransportErrors.describe(e, deadline.expired()), millisSince(started));
            } finally {
                if (connection != null) {
                    connection.disconnect();
                }
            }
        }
    }

    private void prepare(HttpURLConnection connection, Map<String, String> headers, int bodyLength)
            throws IOException {
        int millis = (int) timeout.toMillis();
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        // A redirect would send our signed POST somewhere the checks above never saw.
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        // Fixed length: the merchant's server sees Content-Length, and the JDK never silently resends.
        connection.setFixedLengthStreamingMode(bodyLength);
        headers.forEach((name, value) -> {
            if (value != null) {
                connection.setRequestProperty(name, value);
            }
        });
    }

    /**
     * The start of the answer, for the delivery history; the rest is never read. The deadline is
     * checked after every read: the JDK's chunked stream holds its lock while reading, so the
     * watchdog's disconnect can wait behind a server that drips a byte just inside the read timeout.
     */
    private static String readCapped(InputStream in, ExchangeDeadline deadline) throws IOException {
        if (in == null) {
            deadline.throwIfExpired();
            return null;
        }
        try (in) {
            byte[] buffer = new byte[MAX_RESPONSE_BYTES];
            int filled = 0;
            while (filled < buffer.length) {
                int read = in.read(buffer, filled, buffer.length - filled);
                deadline.throwIfExpired();
                if (read < 0) {
                    break;
                }
                filled += read;
            }
            return new String(buffer, 0, filled, StandardCharsets.UTF_8);
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** The target was refused before any connection was attempted; the message is the error. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String error) {
            super(error, null, false, false);
        }
    }
}
