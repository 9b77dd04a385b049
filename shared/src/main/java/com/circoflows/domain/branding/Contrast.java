package com.circoflows.domain.branding;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * WCAG 2.x contrast: the relative luminance of an sRGB colour and the ratio (L1 + 0.05) / (L2 + 0.05)
 * between two, from 1:1 to 21:1. Thresholds are compared against the exact ratio, never a rounded one
 * (#777777 on white is 4.478:1, which fails 4.5:1 although it is shown as 4.48:1).
 */
public final class Contrast {
    /** WCAG AA for normal text (1.4.3). */
    public static final double AA_TEXT = 4.5;
    /** WCAG AA for large text and for user interface components and their boundaries (1.4.3, 1.4.11). */
    public static final double AA_LARGE_TEXT_AND_UI = 3.0;

    private Contrast() {
    }

    public static double relativeLuminance(HexColor color) {
        return 0.2126 * linear(color.red()) + 0.7152 * linear(color.green()) + 0.0722 * linear(color.blue());
    }

    public static double ratio(HexColor a, HexColor b) {
        double la = relativeLuminance(a);
        double lb = relativeLuminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** "4.48:1": two decimals, as contrast checkers show it. */
    public static String describe(double ratio) {
        return BigDecimal.valueOf(ratio).setScale(2, RoundingMode.HALF_UP).toPlainString() + ":1";
    }

    /** An 8-bit sRGB channel linearised (the WCAG 2.x formula, with its 0.03928 threshold). */
    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
