package com.circoflows.api.pages;

import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.BrandingRules;
import com.circoflows.domain.branding.ButtonStyle;

/**
 * The merchant's colours and button shape as CSS rules added after a page's own style sheet, inside
 * its nonce'd style element (the CSP allows no style attribute). Every value is a {@code #rrggbb}
 * {@link com.circoflows.domain.branding.HexColor} or comes from an enum, so nothing a merchant typed
 * reaches the style sheet as text.
 */
final class BrandStyle {
    private BrandStyle() {
    }

    /** The hosted payment page's rules; none for the default look, which the page's own style sheet is. */
    static String checkout(Branding branding) {
        if (looksDefault(branding)) {
            return "";
        }
        String brand = branding.brandColor().value();
        String label = branding.buttonTextColor().value();
        String accent = branding.accentColor().value();
        String radius = radius(branding.buttonStyle(), "10px");
        boolean darkLabel = branding.buttonTextColor().equals(BrandingRules.NEAR_BLACK);
        return ".pay-button,.button{background:" + brand + ";color:" + label + ";border-radius:" + radius + "}"
                + ".pay-button:hover,.button:hover{background:" + brand + ";box-shadow:inset 0 0 0 100vmax "
                + (darkLabel ? "rgba(255,255,255,.2)" : "rgba(0,0,0,.14)") + "}"
                + ".pay-button[disabled]{background:" + brand + ";opacity:.85}"
                + (darkLabel ? ".spinner{border-color:rgba(17,17,17,.35);border-top-color:" + label + "}" : "")
                + "a{color:" + accent + "}"
                + ".logo{background:" + accent + ";color:#fff}"
                + "input:focus{border-color:" + accent + "}"
                + ".button.secondary{background:#fff;color:" + accent + ";box-shadow:none}"
                + ".button.secondary:hover{background:#f6f7f9}"
                + ".status-icon.wait{color:" + accent + "}";
    }

    /** The 3-D Secure page's rules; none for the default look. */
    static String challenge(Branding branding) {
        if (looksDefault(branding)) {
            return "";
        }
        String radius = radius(branding.buttonStyle(), "8px");
        return "button.primary{background:" + branding.brandColor().value() + ";color:"
                + branding.buttonTextColor().value() + "}"
                + "button{border-radius:" + radius + "}"
                + "a{color:" + branding.accentColor().value() + "}";
    }

    private static boolean looksDefault(Branding branding) {
        return branding.brandColor().equals(Branding.DEFAULT_BRAND_COLOR)
                && branding.accentColor().equals(Branding.DEFAULT_ACCENT_COLOR)
                && branding.buttonStyle() == Branding.DEFAULT_BUTTON_STYLE;
    }

    private static String radius(ButtonStyle style, String rounded) {
        return switch (style) {
            case ROUNDED -> rounded;
            case SQUARE -> "2px";
            case PILL -> "999px";
        };
    }
}
