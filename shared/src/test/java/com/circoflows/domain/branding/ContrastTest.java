package com.circoflows.domain.branding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContrastTest {
    private static HexColor color(String hex) {
        return HexColor.parse(hex).orElseThrow();
    }

    @Test
    void blackOnWhiteIsTwentyOneToOneAndAColourOnItselfOneToOne() {
        assertEquals(21.0, Contrast.ratio(color("#000000"), HexColor.WHITE), 1e-9);
        assertEquals(1.0, Contrast.ratio(color("#1f4fd1"), color("#1f4fd1")), 1e-9);
    }

    @Test
    void relativeLuminanceFollowsTheWcagFormula() {
        assertEquals(1.0, Contrast.relativeLuminance(HexColor.WHITE), 1e-9);
        assertEquals(0.0, Contrast.relativeLuminance(color("#000000")), 1e-9);
        assertEquals(0.2126, Contrast.relativeLuminance(color("#ff0000")), 1e-9);
        assertEquals(0.7152, Contrast.relativeLuminance(color("#00ff00")), 1e-9);
        assertEquals(0.0722, Contrast.relativeLuminance(color("#0000ff")), 1e-9);
    }

    @Test
    void grey777777OnWhiteIs448AndFailsAaWhile767676Is454AndPasses() {
        double failing = Contrast.ratio(color("#777777"), HexColor.WHITE);
        double passing = Contrast.ratio(color("#767676"), HexColor.WHITE);

        assertEquals("4.48:1", Contrast.describe(failing));
        assertFalse(failing >= Contrast.AA_TEXT);
        assertEquals("4.54:1", Contrast.describe(passing));
        assertTrue(passing >= Contrast.AA_TEXT);
    }

    @Test
    void theRatioIsTheSameWhicheverColourIsTheText() {
        assertEquals(Contrast.ratio(color("#1f4fd1"), HexColor.WHITE),
                Contrast.ratio(HexColor.WHITE, color("#1f4fd1")), 1e-12);
    }

    @Test
    void knownRatiosOfCommonColours() {
        assertEquals("4.00:1", Contrast.describe(Contrast.ratio(color("#ff0000"), HexColor.WHITE)));
        assertEquals("8.59:1", Contrast.describe(Contrast.ratio(color("#0000ff"), HexColor.WHITE)));
        assertEquals("7.00:1", Contrast.describe(Contrast.ratio(color("#595959"), HexColor.WHITE)));
    }

    @Test
    void onlyHashAndSixHexDigitsAreAColour() {
        assertEquals("#1f4fd1", HexColor.parse(" #1F4FD1 ").orElseThrow().value());
        for (String bad : new String[] {"1f4fd1", "#1f4fd", "#1f4fd1ff", "blue", "#1f4fd1;}body{", "#gggggg", "",
                "rgb(0,0,0)", "#１f4fd1"}) {
            assertTrue(HexColor.parse(bad).isEmpty(), bad);
        }
    }
}
