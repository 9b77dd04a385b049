package com.circoflows.localrunner.e2e;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every card number and CVV the end-to-end tests sent to the API, so {@link CardDataScanIT} can look
 * for exactly these in storage and logs. CVVs are chosen to be distinctive: no amount, last4, expiry,
 * HTTP status or request count in this suite equals one of them.
 */
public final class SentCardData {
    private static final Set<String> CVVS = ConcurrentHashMap.newKeySet();
    private static final Set<String> PANS = ConcurrentHashMap.newKeySet();
    private static final Set<String> CRYPTOGRAMS = ConcurrentHashMap.newKeySet();

    private SentCardData() {
    }

    public static String cvv(String cvv) {
        CVVS.add(cvv);
        return cvv;
    }

    public static String pan(String pan) {
        PANS.add(pan);
        return pan;
    }

    /** A wallet token's cryptogram, read back from a minted token with test mode's keys. */
    public static String cryptogram(String cryptogram) {
        CRYPTOGRAMS.add(cryptogram);
        return cryptogram;
    }

    static Set<String> cryptograms() {
        return new TreeSet<>(CRYPTOGRAMS);
    }

    static Set<String> cvvs() {
        return new TreeSet<>(CVVS);
    }

    static Set<String> pans() {
        return new TreeSet<>(PANS);
    }
}
