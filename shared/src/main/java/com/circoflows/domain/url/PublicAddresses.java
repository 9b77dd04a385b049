package com.circoflows.domain.url;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an address is on the public internet, i.e. a safe target for our outbound requests.
 *
 * <p>An IPv6 address can carry an IPv4 address inside it, and a network path (a translator, a
 * tunnel, the host's own stack) may deliver the packet to that IPv4 address: [::169.254.169.254]
 * can reach the metadata service. So every IPv4-in-IPv6 form is unwrapped and the IPv4 address
 * inside must be public too.
 */
public final class PublicAddresses {
    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet4Address) {
            return isPublicIpv4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            if (isUniqueLocal(b) || isLocalUseNat64(b)) {
                return false;
            }
            for (byte[] embedded : embeddedIpv4(b)) {
                if (!isPublicIpv4(embedded)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0 // this network
                || first == 10 // private
                || first == 127 // loopback
                || first == 169 && second == 254 // link-local, cloud metadata
                || first == 172 && second >= 16 && second <= 31 // private
                || first == 192 && second == 168 // private
                || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT
                || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                || first == 198 && (second == 18 || second == 19) // benchmarking
                || first >= 224); // multicast, reserved and broadcast
    }

    /** fc00::/7, which includes AWS's metadata address fd00:ec2::254. */
    private static boolean isUniqueLocal(byte[] b) {
        return (b[0] & 0xfe) == 0xfc;
    }

    /**
     * 64:ff9b:1::/48 (RFC 8215) is for NAT64 translators inside one organisation's network, never
     * routed on the internet; where the IPv4 address sits depends on a prefix length we can't know.
     */
    private static boolean isLocalUseNat64(byte[] b) {
        return startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01);
    }

    /** Every IPv4 address the IPv6 address carries, by the form it has. */
    private static List<byte[]> embeddedIpv4(byte[] b) {
        List<byte[]> found = new ArrayList<>();
        if (allZero(b, 0, 12)) {
            found.add(slice(b, 12)); // ::a.b.c.d, IPv4-compatible (deprecated, still parsed)
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            found.add(slice(b, 12)); // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && allZero(b, 10, 12)) {
            found.add(slice(b, 12)); // ::ffff:0:a.b.c.d, IPv4-translated (SIIT)
        }
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b) && allZero(b, 4, 12)) {
            found.add(slice(b, 12)); // 64:ff9b::a.b.c.d, NAT64 well-known prefix
        }
        if (startsWith(b, 0x20, 0x02)) {
            found.add(slice(b, 2)); // 2002:aabb:ccdd::/48, 6to4
        }
        if (startsWith(b, 0x20, 0x01, 0x00, 0x00)) {
            // 2001::/32, Teredo: the server's address, and the client's with every bit inverted.
            found.add(slice(b, 4));
            byte[] client = slice(b, 12);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            found.add(client);
        }
        if ((b[8] & 0xfc) == 0 && b[9] == 0 && (b[10] & 0xff) == 0x5e && (b[11] & 0xff) == 0xfe) {
            found.add(slice(b, 12)); // ISATAP interface id ::0:5efe:a.b.c.d or ::200:5efe:a.b.c.d
        }
        return found;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
