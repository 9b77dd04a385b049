package com.circoflows.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.testing.ApiRequests;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicUrlsTest {
    private static final String TXN = "txn_ABCDEFGHIJKLMNOPQRSTUVWX";
    private final ApiRequest request = ApiRequests.get("/api/direct-payment").domainName("abc123.execute-api.eu-west-1.amazonaws.com").build();

    @Test
    void challengeUrlUsesTheConfiguredPublicBaseUrl() {
        assertEquals("http://localhost:3000/pay/3ds/" + TXN,
                new PublicUrls(Optional.of("http://localhost:3000")).threeDSecurePage(request, TXN));
    }

    @Test
    void trailingSlashOfTheBaseUrlIsIgnored() {
        assertEquals("https://pay.example.com/pay/3ds/" + TXN,
                new PublicUrls(Optional.of("https://pay.example.com/")).threeDSecurePage(request, TXN));
    }

    @Test
    void withoutBaseUrlTheRequestsOwnHostIsUsedOverHttps() {
        assertEquals("https://abc123.execute-api.eu-west-1.amazonaws.com/pay/3ds/" + TXN,
                new PublicUrls(Optional.empty()).threeDSecurePage(request, TXN));
    }

    @Test
    void paymentUrlIsThePaymentPageOfTheSessionOnTheSameBase() {
        String session = "sess_ABCDEFGHIJKLMNOPQRSTUVWX";

        assertEquals("http://localhost:3000/pay/" + session,
                new PublicUrls(Optional.of("http://localhost:3000/")).paymentPage(request, session));
        assertEquals("https://abc123.execute-api.eu-west-1.amazonaws.com/pay/" + session,
                new PublicUrls(Optional.empty()).paymentPage(request, session));
    }
}
