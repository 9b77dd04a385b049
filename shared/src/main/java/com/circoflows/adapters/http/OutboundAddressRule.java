package com.circoflows.adapters.http;

import com.circoflows.domain.url.PublicAddresses;
import java.net.InetAddress;

/**
 * Which addresses our servers may open a connection to on a merchant's behalf: public ones only.
 * Local mode (local runner, tests) adds loopback and nothing else: link-local (cloud metadata at
 * 169.254.169.254), private, unique-local, multicast and unspecified addresses stay refused.
 */
final class OutboundAddressRule {
    private final boolean localMode;

    private OutboundAddressRule(boolean localMode) {
        this.localMode = localMode;
    }

    static OutboundAddressRule forMode(boolean localMode) {
        return new OutboundAddressRule(localMode);
    }

    boolean allows(InetAddress address) {
        return PublicAddresses.isPublic(address) || localMode && address.isLoopbackAddress();
    }

    void check(InetAddress address) throws BlockedAddressException {
        if (address == null || !allows(address)) {
            throw new BlockedAddressException(address);
        }
    }
}
