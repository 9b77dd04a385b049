package com.circoflows.domain.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Who a limit per client address counts: the address, except that an IPv6 client is counted by its
 * /64, the block one subscriber gets, so nobody can step through the addresses of their own network.
 */
public final class ClientAddressSubject {
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");
    private static final int MAX_ADDRESS_LENGTH = 45;

    private ClientAddressSubject() {
    }

    /** "unknown" for anything that is not an address literal. */
    public static String of(String clientAddress) {
        if (clientAddress != null && IPV4.matcher(clientAddress).matches()) {
            return clientAddress;
        }
        if (clientAddress == null || clientAddress.length() > MAX_ADDRESS_LENGTH
                || !IPV6.matcher(clientAddress).matches()) {
            return "unknown";
        }
        try {
            // Holding a colon, it is parsed as an IPv6 literal or refused: never looked up in DNS.
            byte[] address = InetAddress.getByName(clientAddress).getAddress();
            if (address.length == 16) {
                return HexFormat.of().formatHex(address, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return "unknown";
        }
    }
}
