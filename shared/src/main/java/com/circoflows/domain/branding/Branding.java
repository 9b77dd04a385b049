package com.circoflows.domain.branding;

import java.util.Objects;

/**
 * How a merchant's customer pages look: the name shown to the customer, the brand colour (the pay
 * button), the accent colour (links, the logo mark, borders on white), the buttons' shape and the logo,
 * if the merchant uploaded one. Every instance has passed {@link BrandingRules}, so its colours are
 * readable; the button's text colour follows from the brand colour.
 *
 * @param logoReference the stored logo, or null: the pages then show the display name's initial
 */
public record Branding(String displayName, HexColor brandColor, HexColor accentColor, ButtonStyle buttonStyle,
        LogoReference logoReference) {
    public static final int MAX_DISPLAY_NAME_LENGTH = 60;
    /** The colours the pages had before branding existed. */
    public static final HexColor DEFAULT_BRAND_COLOR = new HexColor("#1f4fd1");
    public static final HexColor DEFAULT_ACCENT_COLOR = new HexColor("#1f4fd1");
    public static final ButtonStyle DEFAULT_BUTTON_STYLE = ButtonStyle.ROUNDED;

    public Branding {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(brandColor, "brandColor");
        Objects.requireNonNull(accentColor, "accentColor");
        Objects.requireNonNull(buttonStyle, "buttonStyle");
    }

    /** A merchant that never set its branding: its business name and the default look. */
    public static Branding defaults(String businessName) {
        return new Branding(businessName, DEFAULT_BRAND_COLOR, DEFAULT_ACCENT_COLOR, DEFAULT_BUTTON_STYLE, null);
    }

    /** The same branding with another logo, or none ({@code null}). */
    public Branding withLogo(LogoReference logo) {
        return new Branding(displayName, brandColor, accentColor, buttonStyle, logo);
    }

    /** White or near-black, whichever reads better on the brand colour. */
    public HexColor buttonTextColor() {
        return BrandingRules.textColorOn(brandColor);
    }
}
