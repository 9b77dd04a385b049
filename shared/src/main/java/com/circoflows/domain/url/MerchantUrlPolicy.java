package com.circoflows.domain.url;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Rules for URLs merchants give us. A webhook URL is a place our servers will connect to, so it is
 * untrusted: https only and no address inside our network. A return URL is only ever followed by
 * the customer's browser, so it needs https and nothing more. Local mode (the local runner, tests)
 * relaxes exactly one thing: http and loopback targets are allowed.
 */
public final class MerchantUrlPolicy {
    private static final int MAX_LENGTH = 2048;

    private final boolean localMode;
    private final HostResolver resolver;

    public MerchantUrlPolicy(boolean localMode) {
        this(localMode, InetAddress::getAllByName);
    }

    public MerchantUrlPolicy(boolean localMode, HostResolver resolver) {
        this.localMode = localMode;
        this.resolver = resolver;
    }

    /** DNS lookup, replaceable in tests. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * The one rule for a webhook URL a merchant gives us, wherever it is given (a direct payment's or
     * a session's webhook_url, the webhook endpoint): the static checks, then where the name points
     * now: it must resolve, and every address must be public (loopback too in local mode). Delivery
     * checks again against the address it actually connects to, because DNS can change in between.
     */
    public String checkWebhookUrlResolved(String url, String param) {
        String checked = checkWebhookUrl(url, param);
        String host = URI.create(checked).getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            addresses = null;
        }
        if (addresses == null || addresses.length == 0) {
            throw invalid(ErrorCode.INVALID_WEBHOOK_URL, param, "The webhook URL's host does not resolve.");
        }
        for (InetAddress address : addresses) {
            boolean allowed = PublicAddresses.isPublic(address) || localMode && address.isLoopbackAddress();
            if (!allowed) {
                throw invalid(ErrorCode.INVALID_WEBHOOK_URL, param,
                        "The webhook URL must be publicly reachable; its host resolves to a private address.");
            }
        }
        return checked;
    }

    /**
     * Only the checks that need no DNS lookup. For delivery, which resolves the host itself and
     * records what it found; a URL from a request goes through {@link #checkWebhookUrlResolved}.
     */
    public String checkWebhookUrl(String url, String param) {
        URI uri = parse(url, ErrorCode.INVALID_WEBHOOK_URL, param);
        String host = withoutTrailingDot(uri.getHost().toLowerCase(Locale.ROOT));
        boolean loopbackTarget = isLoopbackName(host) || literalAddress(host) != null && literalAddress(host).isLoopbackAddress();
        if (!isHttps(uri) && !(localMode && loopbackTarget)) {
            throw invalid(ErrorCode.INVALID_WEBHOOK_URL, param, "The webhook URL must use https.");
        }
        if (loopbackTarget && !localMode) {
            throw invalid(ErrorCode.INVALID_WEBHOOK_URL, param, "The webhook URL must be publicly reachable.");
        }
        if (isAmbiguousNumericHost(host)) {
            throw invalid(ErrorCode.INVALID_WEBHOOK_URL, param,
                    "The webhook URL host must be a DNS name or a plain IP address.");
        }
        InetAddress literal = literalAddress(host);
        if (literal != null && !literal.isLoopbackAddress() && !PublicAddresses.isPublic(literal)) {
            throw invalid(ErrorCode.INVALID_WEBHOOK_URL, param, "The webhook URL must be publicly reachable.");
        }
        return uri.toString();
    }

    public String checkReturnUrl(String url, String param) {
        URI uri = parse(url, ErrorCode.INVALID_RETURN_URL, param);
        if (!isHttps(uri) && !localMode) {
            throw invalid(ErrorCode.INVALID_RETURN_URL, param, "The return URL must use https.");
        }
        return withLowerCaseOrigin(uri);
    }

    /**
     * Scheme and host mean the same in any case; kept in lower case, so the payment pages' CSP
     * form-action names the origin exactly as the browser compares it ("HTTPS://Shop.Example/done"
     * becomes "https://shop.example/done"). Path, query and fragment are kept as given.
     */
    private static String withLowerCaseOrigin(URI uri) {
        String url = uri.toString();
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return url.startsWith(origin) ? origin.toLowerCase(Locale.ROOT) + url.substring(origin.length()) : url;
    }

    private static URI parse(String url, ErrorCode code, String param) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw invalid(code, param, "The URL must be an absolute http(s) URL of at most 2048 characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(code, param, "The URL is not a valid absolute URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(code, param, "The URL must be an absolute http(s) URL with a host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(code, param, "The URL must not contain credentials.");
        }
        // -1 is "no port given"; anything else outside 1-65535 names no port at all.
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535)) {
            throw invalid(code, param, "The URL's port must be between 1 and 65535.");
        }
        return uri;
    }

    private static boolean isHttps(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** "localhost." is the same host as "localhost"; compare names in their short form. */
    private static String withoutTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /**
     * Hosts like 0x0a000001, 012.0.0.1 or 167772161 mean different addresses to different HTTP
     * stacks (many read them as 10.0.0.1); no real DNS name ends in a numeric label, so anything
     * numeric that is not a strict dotted quad is refused.
     */
    private static boolean isAmbiguousNumericHost(String host) {
        if (host.startsWith("[")) {
            return false;
        }
        String lastLabel = host.substring(host.lastIndexOf('.') + 1);
        boolean numericLabel = lastLabel.matches("[0-9]+") || lastLabel.matches("0x[0-9a-f]*");
        return numericLabel && !host.matches("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    }

    private static boolean isLoopbackName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost");
    }

    /** The address a host names literally (1.2.3.4, [::1]), or null for a DNS name. Never resolves. */
    private static InetAddress literalAddress(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean looksLiteral = bare.contains(":") || bare.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!looksLiteral) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static ApiException invalid(ErrorCode code, String param, String message) {
        return new ApiException(code, message, param, null);
    }
}
