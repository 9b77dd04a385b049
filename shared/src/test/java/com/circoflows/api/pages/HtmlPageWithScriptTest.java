package com.circoflows.api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlPageWithScriptTest {

    @Test
    void scriptNonceAddsAScriptSourceAndNothingElse() {
        assertEquals("default-src 'none'; script-src 'nonce-S1'; style-src 'nonce-N0'; img-src 'self' data:; "
                        + "form-action 'self' https://shop.example; frame-ancestors 'none'; base-uri 'none'",
                Html.page(200, "<p>hi</p>", "N0", "S1", "https://shop.example").headers()
                        .get("content-security-policy"));
    }

    @Test
    void withoutAScriptNonceThePolicyIsTheScriptlessOne() {
        assertEquals(Html.page(200, "x", "N0", "").headers(), Html.page(200, "x", "N0", null, "").headers());
    }
}
