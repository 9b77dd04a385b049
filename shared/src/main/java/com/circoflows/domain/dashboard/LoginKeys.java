package com.circoflows.domain.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the sign-in limits count by, so one person's attempts land on one record however they are typed. */
final class LoginKeys {
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");
    private static final int MAX_ADDRESS_LENGTH = 45;

    private LoginKeys() {
    }

    /**
     * Any text at all, whether or not an account has it: limits that applied only to real accounts would
     * tell an attacker which emails have one.
     */
    static String account(String email) {
        String text = email == null ? "" : email;
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The address, except that an IPv6 client is counted by its /64, the block one subscriber gets, so an
     * attacker cannot step through the addresses of their own network. The same rule as the payment
     * page's declines per address.
     */
    static String address(String clientAddress) {
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
