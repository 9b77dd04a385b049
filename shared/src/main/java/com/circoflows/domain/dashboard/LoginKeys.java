package com.circoflows.domain.dashboard;

import com.circoflows.domain.ratelimit.ClientAddressSubject;
import java.text.Normalizer;
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
        String text = email == null ? "" : email;
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

    /** The address, an IPv6 client by its /64, as the payment page's declines per address count it. */
    static String address(String clientAddress) {
        return ClientAddressSubject.of(clientAddress);
    }
}
