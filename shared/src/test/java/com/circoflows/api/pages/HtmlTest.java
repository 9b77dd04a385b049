package com.circoflows.api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void everyCharacterThatCouldBreakOutOfTextOrAttributesIsEscaped() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;",
                Html.escape("<script>alert(\"x\")</script> & 'quoted'"));
    }

    @Test
    void plainTextAndNonAsciiAreUnchanged() {
        assertEquals("Café Zoë • 10.00", Html.escape("Café Zoë • 10.00"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", Html.escape(null));
    }

    @Test
    void pageCarriesStrictSecurityHeaders() {
        ApiResponse page = Html.page(200, "<p>hi</p>", "N0nce", "");

        assertEquals("text/html; charset=utf-8", page.headers().get("content-type"));
        assertEquals("no-store", page.headers().get("cache-control"));
        assertEquals("default-src 'none'; style-src 'nonce-N0nce'; img-src 'self' data:; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'", page.headers().get("content-security-policy"));
        assertEquals("DENY", page.headers().get("x-frame-options"));
        assertEquals("nosniff", page.headers().get("x-content-type-options"));
        assertEquals("no-referrer", page.headers().get("referrer-policy"));
    }

    @Test
    void formsMayAlsoGoToTheGivenOrigins() {
        ApiResponse page = Html.page(200, "", "N", "https://your-site.com");

        assertTrue(page.headers().get("content-security-policy").contains("form-action 'self' https://your-site.com;"));
    }

    @Test
    void aPageWithoutAdditionsHasExactlyThePolicyOfAScriptPage() {
        assertEquals(Html.page(200, "", "N", "S", "https://your-site.com").headers(),
                Html.page(200, "", "N", "S", "https://your-site.com", CspAdditions.NONE).headers());
    }

    @Test
    void additionsJoinScriptSrcAndOpenConnectAndFrameSrcForTheirOriginsOnly() {
        CspAdditions google = new CspAdditions(List.of("https://pay.google.com"), List.of("'self'",
                "https://pay.google.com"), List.of("https://pay.google.com"));

        ApiResponse page = Html.page(200, "", "N", "S", "", google);

        assertEquals("default-src 'none'; script-src 'nonce-S' https://pay.google.com; style-src 'nonce-N'; "
                + "img-src 'self' data:; connect-src 'self' https://pay.google.com; frame-src https://pay.google.com; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                page.headers().get("content-security-policy"));
    }

    @Test
    void redirectIsSeeOtherWithoutCachingOrReferrer() {
        ApiResponse redirect = Html.redirect("https://your-site.com/return?x=1");

        assertEquals(303, redirect.statusCode());
        assertEquals("https://your-site.com/return?x=1", redirect.headers().get("location"));
        assertEquals("no-store", redirect.headers().get("cache-control"));
        assertEquals("no-referrer", redirect.headers().get("referrer-policy"));
    }
}
