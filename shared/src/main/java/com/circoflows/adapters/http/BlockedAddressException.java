package com.circoflows.adapters.http;

import java.io.IOException;
import java.net.InetAddress;

/**
 * A connection target refused by {@link OutboundAddressRule}. An IOException because it is thrown
 * from inside HttpsURLConnection's connect, which only lets I/O failures through.
 */
final class BlockedAddressException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String address;

    BlockedAddressException(InetAddress address) {
        super("connection to a non-public address refused: " + describe(address));
        this.address = describe(address);
    }

    String address() {
        return address;
    }

    private static String describe(InetAddress address) {
        return address == null ? "unconnected" : address.getHostAddress();
    }
}
