package com.circoflows.localrunner.webhooks;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Card numbers and CVVs these tests send, registered with the end-to-end suite's
 * {@code e2e.SentCardData} so that {@code CardDataScanIT} looks for them in the captured output too.
 * That registry is package-private in the e2e package (and these files may not change it), so it
 * is reached reflectively; if it ever moves, this fails loudly instead of silently scanning less.
 */
final class CardData {
    /** Test cards from ARCHITECTURE.md. */
    static final String SUCCESS = "4242424242424242";
    static final String DECLINED = "4000000000000002";
    static final String EXPIRY_MONTH = "12";
    static final String EXPIRY_YEAR = "2030";

    private static final Set<String> SENT_PANS = ConcurrentHashMap.newKeySet();
    private static final Method PAN = registry("pan");
    private static final Method CVV = registry("cvv");

    private CardData() {
    }

    static String pan(String pan) {
        SENT_PANS.add(pan);
        return register(PAN, pan);
    }

    /** The card numbers these tests sent so far. */
    static Set<String> sentPans() {
        return Set.copyOf(SENT_PANS);
    }

    static String cvv(String cvv) {
        return register(CVV, cvv);
    }

    private static Method registry(String name) {
        try {
            Method method = Class.forName("com.circoflows.localrunner.e2e.SentCardData")
                    .getDeclaredMethod(name, String.class);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("e2e.SentCardData." + name + "(String) is gone: register the card data "
                    + "the webhook tests send some other way", e);
        }
    }

    private static String register(Method method, String value) {
        try {
            return (String) method.invoke(null, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not register card data with e2e.SentCardData", e);
        }
    }
}
