package com.circoflows.api.pages;

import com.circoflows.domain.branding.Branding;

/** The frame shared by customer-facing pages: readable on a phone, plain HTML, no script needed. */
final class PageLayout {
    private PageLayout() {
    }

    static String render(String title, String styleNonce, String bodyHtml, Branding branding, Words words) {
        return "<!doctype html>\n<html lang=\"" + words.language().tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + Html.escape(title) + "</title>"
                + "<style nonce=\"" + styleNonce + "\">" + STYLE + BrandLogo.STYLE + BrandStyle.challenge(branding)
                + "</style></head>"
                + "<body><main class=\"card\">" + bodyHtml + "</main></body></html>";
    }

    private static final String STYLE = String.join("",
            "*{box-sizing:border-box}",
            "body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;",
            "background:#f4f5f7;color:#1d2330;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;padding:16px}",
            ".card{background:#fff;max-width:440px;width:100%;border-radius:12px;padding:28px;",
            "box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06)}",
            "h1{font-size:1.3rem;margin:0 0 4px}",
            ".muted{color:#5b6475;margin:0 0 20px}",
            ".badge{display:inline-block;background:#fff4d6;color:#7a5600;border-radius:999px;padding:2px 10px;",
            "font-size:.8rem;font-weight:600;margin-bottom:14px}",
            "dl{display:grid;grid-template-columns:auto 1fr;gap:6px 16px;margin:0 0 24px}",
            "dt{color:#5b6475}dd{margin:0;font-weight:600;text-align:right}",
            ".actions{display:flex;flex-direction:column;gap:10px}",
            "button{font:inherit;font-weight:600;border-radius:8px;padding:12px 16px;cursor:pointer;border:1px solid transparent}",
            "button.primary{background:#2453d4;color:#fff}",
            "button.secondary{background:#fff;color:#a1242e;border-color:#d9dce3}",
            "button:focus-visible{outline:3px solid #8fb0ff;outline-offset:2px}",
            ".result{font-size:1.1rem;font-weight:600}",
            ".ok{color:#137333}.bad{color:#a1242e}");
}
