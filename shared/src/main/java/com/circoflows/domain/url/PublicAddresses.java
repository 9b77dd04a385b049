package com.circoflows.domain.url;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Whether an address is on the public internet, i.e. a safe target for our outbound requests. */
public final class PublicAddresses {
    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0
                    || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19) // benchmarking
                    || first >= 240); // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc; // fc00::/7, includes AWS's fd00:ec2::254
            boolean ipv4Mapped = isIpv4Mapped(b);
            if (ipv4Mapped) {
                try {
                    byte[] v4 = {b[12], b[13], b[14], b[15]};
                    return isPublic(InetAddress.getByAddress(v4));
                } catch (java.net.UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
