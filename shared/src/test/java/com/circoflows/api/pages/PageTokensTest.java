package com.circoflows.api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.keys.DerivedKeys;
import org.junit.jupiter.api.Test;

class PageTokensTest {
    private static final String TXN = "txn_ABCDEFGHIJKLMNOPQRSTUVWX";
    private final byte[] key = new DerivedKeys("page-token-test-secret-0123456789abcdef").keyFor(DerivedKeys.PAGE_TOKEN);
    private final PageTokens tokens = new PageTokens(key, true);
    private final String nonce = PageTokens.newNonce();

    @Test
    void tokenIsValidForItsPageAndCookieNonce() {
        assertTrue(tokens.isValid(TXN, nonce, tokens.tokenFor(TXN, nonce)));
    }

    @Test
    void tokenOfAnotherPageIsRefused() {
        assertFalse(tokens.isValid("txn_ZZZZZZZZZZZZZZZZZZZZZZZZ", nonce, tokens.tokenFor(TXN, nonce)));
    }

    @Test
    void tokenForAnotherCookieIsRefused() {
        assertFalse(tokens.isValid(TXN, PageTokens.newNonce(), tokens.tokenFor(TXN, nonce)));
    }

    @Test
    void missingCookieOrTokenIsRefused() {
        assertFalse(tokens.isValid(TXN, null, tokens.tokenFor(TXN, nonce)));
        assertFalse(tokens.isValid(TXN, nonce, null));
        assertFalse(tokens.isValid(TXN, nonce, ""));
    }

    @Test
    void cookieThatIsNotOneOfOursIsRefused() {
        String shortNonce = "abc";

        assertFalse(tokens.isValid(TXN, shortNonce, tokens.tokenFor(TXN, shortNonce)));
    }

    @Test
    void tokenMadeWithAnotherKeyIsRefused() {
        PageTokens other = new PageTokens(new DerivedKeys("another-deployment-secret-0123456789ab")
                .keyFor(DerivedKeys.PAGE_TOKEN), true);

        assertFalse(tokens.isValid(TXN, nonce, other.tokenFor(TXN, nonce)));
    }

    @Test
    void tokenIsUrlSafeAndDeterministic() {
        String token = tokens.tokenFor(TXN, nonce);

        assertEquals(token, tokens.tokenFor(TXN, nonce));
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
    }

    @Test
    void freshNoncesAreRandom32CharacterBase62() {
        String another = PageTokens.newNonce();

        assertTrue(nonce.matches("[0-9A-Za-z]{32}"), nonce);
        assertNotEquals(nonce, another);
    }

    @Test
    void cookieIsStrictHttpOnlyAndScopedToThePages() {
        assertEquals("cf_page_nonce=" + nonce + "; Path=/pay; HttpOnly; SameSite=Strict; Secure",
                tokens.cookieHeader(nonce));
        assertEquals("cf_page_nonce=" + nonce + "; Path=/pay; HttpOnly; SameSite=Strict",
                new PageTokens(key, false).cookieHeader(nonce), "plain http on localhost");
    }

    @Test
    void nonceIsFoundAmongOtherCookies() {
        assertEquals(nonce, PageTokens.nonceFrom("theme=dark; cf_page_nonce=" + nonce + "; _ga=GA1.2"));
        assertEquals(nonce, PageTokens.nonceFrom("cf_page_nonce=" + nonce));
    }

    @Test
    void noNonceCookieMeansNoNonce() {
        assertNull(PageTokens.nonceFrom(null));
        assertNull(PageTokens.nonceFrom("theme=dark"));
        assertNull(PageTokens.nonceFrom("x_cf_page_nonce=" + nonce));
    }

    @Test
    void keyIsCopiedSoTheCallerCannotChangeItLater() {
        String before = tokens.tokenFor(TXN, nonce);

        key[0] ^= 1;

        assertEquals(before, tokens.tokenFor(TXN, nonce));
    }
}
