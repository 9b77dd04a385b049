package com.circoflows.domain.branding;

import com.circoflows.domain.card.CardNumberDetector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a merchant may choose, field by field, and the readability rule (WCAG 2.x AA):
 * <ul>
 * <li>the brand colour fills the buttons: their text is white or near-black, whichever contrasts more,
 * and must reach 4.5:1; the filled button must stand out from the white page by 3:1 (a user interface
 * component);</li>
 * <li>the accent colour is used as text, links and borders on white, so it must reach 4.5:1 there.</li>
 * </ul>
 * A colour that cannot be made readable is refused with a message saying why and what to do; the one
 * adjustment made without asking, the button's text colour, is reported as a note.
 */
public final class BrandingRules {
    public static final HexColor NEAR_BLACK = new HexColor("#111111");
    public static final String DISPLAY_NAME = "display_name";
    public static final String BRAND_COLOR = "brand_color";
    public static final String ACCENT_COLOR = "accent_color";
    public static final String BUTTON_STYLE = "button_style";

    private BrandingRules() {
    }

    /** White or near-black, whichever contrasts more with {@code background}. */
    public static HexColor textColorOn(HexColor background) {
        return Contrast.ratio(background, HexColor.WHITE) >= Contrast.ratio(background, NEAR_BLACK)
                ? HexColor.WHITE : NEAR_BLACK;
    }

    /**
     * Checks raw values (as typed into a form or sent as JSON) and builds the branding, or names every
     * field at fault. Nothing here throws for a user's mistake.
     */
    public static Checked check(String displayName, String brandColor, String accentColor, String buttonStyle,
            LogoReference logoReference) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        String name = displayName(displayName, errors);
        HexColor brand = brandColor(brandColor, errors, notes);
        HexColor accent = accentColor(accentColor, errors);
        Optional<ButtonStyle> style = ButtonStyle.fromWireName(buttonStyle);
        if (style.isEmpty()) {
            errors.put(BUTTON_STYLE, "Choose a button style: rounded, square or pill.");
        }
        if (!errors.isEmpty()) {
            return new Checked(null, Collections.unmodifiableMap(errors), List.of());
        }
        return new Checked(new Branding(name, brand, accent, style.get(), logoReference), Map.of(),
                List.copyOf(notes));
    }

    private static String displayName(String raw, Map<String, String> errors) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            errors.put(DISPLAY_NAME, "Enter a display name: the name your customers see on the payment page.");
        } else if (name.codePointCount(0, name.length()) > Branding.MAX_DISPLAY_NAME_LENGTH) {
            errors.put(DISPLAY_NAME, "The display name can be at most " + Branding.MAX_DISPLAY_NAME_LENGTH
                    + " characters long.");
        } else if (name.codePoints().anyMatch(BrandingRules::isControl)) {
            errors.put(DISPLAY_NAME, "The display name cannot contain line breaks or other control characters.");
        } else if (CardNumberDetector.containsCardNumber(name)) {
            errors.put(DISPLAY_NAME, "The display name cannot contain a card number.");
        }
        return name;
    }

    private static HexColor brandColor(String raw, Map<String, String> errors, List<String> notes) {
        Optional<HexColor> parsed = HexColor.parse(raw);
        if (parsed.isEmpty()) {
            errors.put(BRAND_COLOR, "Enter the brand colour as #rrggbb, for example #1f4fd1.");
            return null;
        }
        HexColor brand = parsed.get();
        double onWhite = Contrast.ratio(brand, HexColor.WHITE);
        if (onWhite < Contrast.AA_LARGE_TEXT_AND_UI) {
            errors.put(BRAND_COLOR, "The brand colour " + brand + " stands out from the white page by only "
                    + Contrast.describe(onWhite) + "; buttons need at least 3:1 (WCAG AA for interface "
                    + "components). Choose a darker colour.");
            return null;
        }
        HexColor text = textColorOn(brand);
        double textContrast = Contrast.ratio(brand, text);
        if (textContrast < Contrast.AA_TEXT) {
            errors.put(BRAND_COLOR, "Neither white (" + Contrast.describe(Contrast.ratio(brand, HexColor.WHITE))
                    + ") nor near-black text (" + Contrast.describe(Contrast.ratio(brand, NEAR_BLACK))
                    + ") reaches 4.5:1 on the brand colour " + brand + " (WCAG AA for text), so button labels "
                    + "would be hard to read. Choose a darker or a lighter colour.");
            return null;
        }
        if (!text.equals(HexColor.WHITE)) {
            notes.add("Button labels will be near-black (" + NEAR_BLACK + ", " + Contrast.describe(textContrast)
                    + ") rather than white, which is not readable enough on " + brand + ".");
        }
        return brand;
    }

    private static HexColor accentColor(String raw, Map<String, String> errors) {
        Optional<HexColor> parsed = HexColor.parse(raw);
        if (parsed.isEmpty()) {
            errors.put(ACCENT_COLOR, "Enter the accent colour as #rrggbb, for example #1f4fd1.");
            return null;
        }
        HexColor accent = parsed.get();
        double onWhite = Contrast.ratio(accent, HexColor.WHITE);
        if (onWhite < Contrast.AA_TEXT) {
            errors.put(ACCENT_COLOR, "The accent colour " + accent + " has a contrast of only "
                    + Contrast.describe(onWhite) + " on white; links and text in it need at least 4.5:1 "
                    + "(WCAG AA). Choose a darker colour.");
            return null;
        }
        return accent;
    }

    private static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.LINE_SEPARATOR
                || Character.getType(codePoint) == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Either a branding (with notes about what was adjusted) or the errors by field name.
     *
     * @param branding null when {@code errors} is not empty
     */
    public record Checked(Branding branding, Map<String, String> errors, List<String> notes) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }
}
