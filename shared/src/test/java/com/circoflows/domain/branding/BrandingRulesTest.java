package com.circoflows.domain.branding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrandingRulesTest {
    private static BrandingRules.Checked check(String brand, String accent) {
        return BrandingRules.check("Acme Shop", brand, accent, "rounded", null);
    }

    @Test
    void aReadableBrandingIsBuiltWithWhiteButtonText() {
        BrandingRules.Checked checked = BrandingRules.check("  Acme Shop ", "#1F4FD1", "#0B5E3B", "PILL", null);

        assertTrue(checked.valid());
        assertEquals(new Branding("Acme Shop", new HexColor("#1f4fd1"), new HexColor("#0b5e3b"), ButtonStyle.PILL,
                null), checked.branding());
        assertEquals(HexColor.WHITE, checked.branding().buttonTextColor());
        assertEquals(List.of(), checked.notes());
    }

    @Test
    void aLightBrandColourGetsNearBlackButtonTextAndSaysSo() {
        BrandingRules.Checked checked = check("#d97706", "#1f4fd1");

        assertTrue(checked.valid());
        assertEquals(BrandingRules.NEAR_BLACK, checked.branding().buttonTextColor());
        assertEquals(1, checked.notes().size());
        assertTrue(checked.notes().get(0).contains("near-black"), checked.notes().get(0));
    }

    @Test
    void aBrandColourThatBarelyStandsOutFromWhiteIsRefused() {
        BrandingRules.Checked checked = check("#ffff66", "#1f4fd1");

        assertFalse(checked.valid());
        String message = checked.errors().get(BrandingRules.BRAND_COLOR);
        assertTrue(message.contains("3:1") && message.contains("#ffff66"), message);
    }

    @Test
    void aMidGreyOnWhichNeitherWhiteNorNearBlackTextIsReadableIsRefused() {
        BrandingRules.Checked checked = check("#777777", "#1f4fd1");

        String message = checked.errors().get(BrandingRules.BRAND_COLOR);
        assertTrue(message.contains("4.48:1") && message.contains("4.5:1"), message);
    }

    @Test
    void anAccentColourBelowFourAndAHalfOnWhiteIsRefusedWithItsRatio() {
        assertEquals("The accent colour #777777 has a contrast of only 4.48:1 on white; links and text in it need "
                + "at least 4.5:1 (WCAG AA). Choose a darker colour.",
                check("#1f4fd1", "#777777").errors().get(BrandingRules.ACCENT_COLOR));
        assertTrue(check("#1f4fd1", "#767676").valid());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        BrandingRules.Checked checked = BrandingRules.check(" ", "blue", "#12345", "round", null);

        assertEquals(List.of(BrandingRules.DISPLAY_NAME, BrandingRules.BRAND_COLOR, BrandingRules.ACCENT_COLOR,
                BrandingRules.BUTTON_STYLE), List.copyOf(checked.errors().keySet()));
    }

    @Test
    void theDisplayNameIsAtMostSixtyCharactersWithoutControlsOrCardNumbers() {
        assertTrue(BrandingRules.check("é".repeat(60), "#1f4fd1", "#1f4fd1", "square", null).valid());
        assertFalse(BrandingRules.check("é".repeat(61), "#1f4fd1", "#1f4fd1", "square", null).valid());
        assertFalse(BrandingRules.check("Acme\nShop", "#1f4fd1", "#1f4fd1", "square", null).valid());
        assertEquals("The display name cannot contain a card number.",
                BrandingRules.check("Shop 4242 4242 4242 4242", "#1f4fd1", "#1f4fd1", "square", null).errors()
                        .get(BrandingRules.DISPLAY_NAME));
    }

    @Test
    void theDefaultsPassTheirOwnRules() {
        Branding defaults = Branding.defaults("Acme");
        assertTrue(BrandingRules.check(defaults.displayName(), defaults.brandColor().value(),
                defaults.accentColor().value(), defaults.buttonStyle().wireName(), null).valid());
    }
}
