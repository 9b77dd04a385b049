package com.circoflows.domain.branding.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.branding.ImageFormat;
import com.circoflows.domain.branding.LogoReference;
import com.circoflows.testing.TestImages;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LogoInspectionTest {
    private static LogoInspection.Verdict inspect(byte[] bytes) {
        return LogoInspection.inspect(new UploadedFile(bytes, bytes.length));
    }

    private static LogoReference accepted(byte[] bytes) {
        return assertInstanceOf(LogoInspection.Accepted.class, inspect(bytes)).image().reference();
    }

    private static String refused(byte[] bytes) {
        return assertInstanceOf(LogoInspection.Refused.class, inspect(bytes)).message();
    }

    @Test
    void aPngIsAcceptedWithTheSizeItsHeaderGivesAndItsContentHashAsId() throws Exception {
        byte[] png = TestImages.png(96, 32);

        LogoReference logo = accepted(png);

        assertEquals(new LogoReference(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)),
                ImageFormat.PNG, 96, 32), logo);
    }

    @Test
    void aJpegIsAcceptedWithTheSizeOfItsFrameHeader() {
        LogoReference logo = accepted(TestImages.jpeg(80, 24));

        assertEquals(ImageFormat.JPEG, logo.format());
        assertEquals(80, logo.width());
        assertEquals(24, logo.height());
    }

    @Test
    void lossyLosslessAndExtendedWebpAreAcceptedWithTheirSizes() {
        byte[] lossy = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, lossy, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(), 0, lossy, 8, 8);
        lossy[23] = (byte) 0x9d;
        lossy[24] = 0x01;
        lossy[25] = 0x2a;
        lossy[26] = 64;
        lossy[28] = 16;

        assertEquals(64, accepted(lossy).width());
        assertEquals(16, accepted(lossy).height());
        assertEquals(ImageFormat.WEBP, accepted(TestImages.webpLossless(300, 90)).format());
        assertEquals(300, accepted(TestImages.webpLossless(300, 90)).width());
        assertEquals(90, accepted(TestImages.webpLossless(300, 90)).height());
        assertEquals(2048, accepted(TestImages.webpExtended(2048, 512)).width());
    }

    @Test
    void svgIsRefusedBecauseItCanCarryScriptsWhateverItsPrologue() {
        assertTrue(refused(TestImages.svg()).contains("SVG files aren't accepted"));
        assertTrue(refused("  <svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()).contains("SVG"));
    }

    @Test
    void otherFormatsAreRefusedNamingTheOnesThatAreAccepted() {
        assertTrue(refused(TestImages.gif(20, 20)).contains("isn't a PNG, JPEG or WebP image"));
        assertTrue(refused("%PDF-1.7 a document".getBytes()).contains("isn't a PNG, JPEG or WebP image"));
        assertTrue(refused("<html><body>hello</body></html>".getBytes()).contains("isn't a PNG, JPEG or WebP"));
    }

    @Test
    void aFileOverOneHundredKilobytesIsRefusedWithItsSizeAndTheLimit() {
        byte[] png = TestImages.png(40, 40);
        byte[] big = Arrays.copyOf(png, LogoInspection.MAX_BYTES + 1);

        assertEquals("The logo is 101 KB; it can be at most 100 KB. Save it smaller (a PNG about 400 × 120 pixels "
                + "is plenty) and upload it again.", refused(big));
        assertTrue(LogoInspection.inspect(new UploadedFile(Arrays.copyOf(png, 1000), 3_500_000)) instanceof
                LogoInspection.Refused tooBig && tooBig.message().startsWith("The logo is 3.4 MB;"));
        assertInstanceOf(LogoInspection.Accepted.class, inspect(Arrays.copyOf(png, LogoInspection.MAX_BYTES)),
                "exactly 100 KB is allowed (trailing bytes after a PNG's end are harmless)");
    }

    @Test
    void anImageWiderOrTallerThanTheLimitIsRefusedWithItsSize() {
        assertEquals("The logo is 2049 × 100 pixels; it can be at most 2048 pixels on each side. Make it smaller "
                + "and upload it again.", refused(TestImages.webpLossless(2049, 100)));
    }

    @Test
    void aFileWithTheRightSignatureButADamagedHeaderIsRefusedAsDamaged() {
        byte[] png = Arrays.copyOf(TestImages.png(20, 20), 30);
        png[12] = 'X';

        assertTrue(refused(png).contains("may be damaged"));
        assertTrue(refused(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9}).contains("may be damaged"));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertTrue(refused(new byte[0]).contains("empty"));
    }
}
