package com.circoflows.domain.dashboard;

import com.circoflows.domain.ratelimit.ClientAddressSubject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** What the sign-in limits count by, so one person's attempts land on one record however they are typed. */
final class LoginKeys {
    private LoginKeys() {
    }

    /**
     * Any text at all, whether or not an account has it: limits that applied only to real accounts would
     * tell an attacker which emails have one.
     */
    static String account(String email) {
        String normalised = normalised(email);
        // No account has a longer email (sign-up refuses it), but the limits still count it: by its hash,
        // since the text itself could be longer than a DynamoDB key may be.
        return normalised.length() <= EmailAddresses.MAX_LENGTH ? normalised : "sha256:" + sha256Hex(normalised);
    }

    /** NFC, without surrounding blanks, lower case: one person's email however it is typed. */
    static String normalised(String email) {
        String text = email == null ? "" : email;
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The address, an IPv6 client by its /64, as the payment page's declines per address count it. */
    static String address(String clientAddress) {
        return ClientAddressSubject.of(clientAddress);
    }
}
