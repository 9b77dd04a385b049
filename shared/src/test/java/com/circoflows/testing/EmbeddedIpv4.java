package com.circoflows.testing;

import java.util.List;

/**
 * IPv6 literals that carry a non-public IPv4 address (cloud metadata, private, loopback), one or
 * more per way of embedding it: what outside testing used to reach 169.254.169.254 through a
 * webhook URL. Shared by the URL-policy, transport and socket-check tests.
 */
public final class EmbeddedIpv4 {
    public static final List<String> NON_PUBLIC = List.of(
            "::169.254.169.254", "::10.0.0.1", "::127.0.0.1", // IPv4-compatible
            "::ffff:0:169.254.169.254", "::ffff:0:10.0.0.1", // IPv4-translated (SIIT)
            "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1", // NAT64 well-known prefix
            "64:ff9b:1::a9fe:a9fe", "64:ff9b:1:a9fe:a9:fe00::", "64:ff9b:1::808:808", // NAT64 local-use, any layout
            "2002:a9fe:a9fe::", "2002:a00:1::1", // 6to4
            "2001:0:a9fe:a9fe:0:0:f7f7:f7f7", // Teredo, metadata as the server (client 8.8.8.8)
            "2001:0:808:808:0:0:5601:5601", "2001:0:808:808::f5ff:fffe", // Teredo, metadata / 10.0.0.1 as the client
            "2606:4700::5efe:a9fe:a9fe", "2606:4700::200:5efe:a00:1"); // ISATAP interface id

    /** Ports no TCP connection can use. */
    public static final List<Integer> IMPOSSIBLE_PORTS = List.of(0, 65_536, 99_999);

    private EmbeddedIpv4() {
    }
}
